/** A consumer that reaches for a package the SDK does not export: it must not compile. */
module intruder {
  requires dev.sessionkit.qoder;
}
