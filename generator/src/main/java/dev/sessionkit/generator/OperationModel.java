package dev.sessionkit.generator;

import java.util.ArrayList;
import java.util.List;

/**
 * One operation as the service, the Retrofit interface and the params record print it, built and
 * validated once from the spec by {@link OperationReader}.
 *
 * @param name the method name ({@code events})
 * @param upperName the same, capitalised ({@code Events}), for derived names ({@code iterateEvents})
 * @param operationId the spec's operationId: the Retrofit method
 * @param httpMethod {@code GET}, {@code POST}, {@code PUT}, {@code PATCH} or {@code DELETE}
 * @param path the path as Retrofit takes it (relative: no leading slash)
 * @param request {@code GET /sessions/{session_id}/events}, for Javadoc
 * @param doc the Javadoc lines (each empty or starting with a space)
 * @param apiDoc the Retrofit method's one-line summary
 * @param parameters every parameter, in the spec's order, required ones first
 * @param required the positional arguments: the required parameters, then the body
 * @param params the record of the optional parameters, or null when there are none
 * @param body the JSON request body, or null
 * @param response what a successful call answers with, or null when the operation only streams
 * @param paramDocs the {@code @param} lines of the method
 * @param throwsDocs the {@code @throws} lines for the documented error statuses
 * @param find the {@code find...} form (empty on 404), or null
 * @param paging the auto-paging forms, or null
 * @param stream the live-stream forms, or null
 * @param shortForm the forms without the parameter the client holds a default for, or null
 * @param checks the checks of the positional arguments, run before the call is built
 * @param sample the arguments of the client's Javadoc example
 * @param shortcut the vendor-level alias the spec declares ({@code x-sessionkit-shortcut}), or null
 * @param description the spec's description as written (not Javadoc), or empty
 * @param pointer where the spec declares the operation
 */
record OperationModel(String name, String upperName, String operationId, String httpMethod, String path,
    String request, List<String> doc, String apiDoc, List<ParameterModel> parameters, List<Argument> required,
    ParamsModel params, BodyModel body, ResponseModel response, List<ParamDoc> paramDocs, List<ThrowsDoc> throwsDocs,
    FindModel find, PaginationModel paging, StreamModel stream, ShortForm shortForm, List<CheckModel> checks,
    List<SampleArgument> sample, String shortcut, String description, Pointer pointer) {

  /** The arguments of the full form: the positional ones, then the params record if any. */
  List<Argument> arguments() {
    List<Argument> all = new ArrayList<>(required);
    if (params != null) all.add(new Argument(params.className(), params.className(), "params"));
    return all;
  }

  /** Whether the plain forms (sync, async, raw) exist: the operation answers other than only with a stream. */
  boolean plain() {
    return response != null;
  }

  /** Whether there is a params record (and so also a form without it). */
  boolean hasParams() {
    return params != null;
  }

  /** The Retrofit method's arguments, in its order: the parameters, then the body. */
  List<ApiArgument> apiArguments() {
    List<ApiArgument> all = new ArrayList<>();
    for (ParameterModel parameter : parameters) all.add(new ApiArgument(parameter, null));
    if (body != null) all.add(new ApiArgument(null, body));
    return all;
  }

  /** A Java argument: its type, the type without type arguments (for {@code {@link}}) and its name. */
  record Argument(String type, String erasedType, String name) {}

  /** A {@code @param} line: the name and the wrapped text. */
  record ParamDoc(String name, String text) {}

  /** A {@code @throws} line: the exception's qualified name and the wrapped text. */
  record ThrowsDoc(String exception, String text) {}

  /** An argument of the client's Javadoc example: a string literal from the spec's example, or a name. */
  record SampleArgument(String value, boolean literal) {}

  /** The {@code find...} form: its method name and why the server answers 404, wrapped for Javadoc. */
  record FindModel(String method, String notFound) {}

  /**
   * One argument of the Retrofit call: a parameter (read from the params record when optional, and
   * joined when it is a list sent as one value) or the body.
   */
  record ApiArgument(ParameterModel parameter, BodyModel body) {}

  /**
   * The forms that take their value for one path parameter from the client's default (Piper's
   * organization id): their arguments, and how the full form is called.
   *
   * @param shortArguments the arguments of the short form
   * @param shortCalls the arguments of the full form's call, the defaulted one read from the client
   * @param builder the builder method that sets the default ({@code defaultOrgId})
   * @param upperBuilder the same, capitalised, as in {@code requireDefaultOrgId()}
   * @param words the default in words ({@code default org id})
   */
  record ShortForm(List<Argument> shortArguments, List<Call> shortCalls, String builder, String upperBuilder,
      String words) {
    /** An argument of the full form: the short form's argument of that name, or the client's default. */
    record Call(String name, boolean defaulted) {}
  }
}
