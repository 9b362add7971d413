package intruder;

// The generated Retrofit interfaces' package: declared in dev.sessionkit.qoder, not exported.
import dev.sessionkit.qoder.internal.*;

/** Reaches for a package the SDK keeps to itself. */
public final class Main {
  public static void main(String[] args) {
    System.out.println("compiled");
  }
}
