package dev.sessionkit.generator;

import java.util.ArrayList;
import java.util.List;

/** Builds the {@link ParamsModel} of an operation's optional parameters. */
final class ParamsReader {
  private ParamsReader() {}

  /**
   * The record {@code className} of {@code optional}, for {@code request}; a token-paged operation's
   * token refuses a blank value, and a cursor's two directions exclude each other.
   */
  static ParamsModel read(String className, String request, List<ParameterModel> optional, Patterns patterns,
      PaginationModel paging, Imports imports) {
    String tokenSetter = PaginationReader.tokenSetter(paging);
    List<ParamsModel.Component> components = new ArrayList<>();
    for (ParameterModel parameter : optional) {
      String describe = Text.clause(parameter.doc());
      ParameterModel checked = parameter;
      if (parameter.name().equals(tokenSetter)) {
        List<CheckModel> checks = new ArrayList<>(parameter.checks());
        checks.add(CheckModel.notBlank(parameter.name()));
        checked = new ParameterModel(parameter.name(), parameter.wireName(), parameter.path(), parameter.query(),
            parameter.header(), parameter.type(), parameter.erasedType(), parameter.retrofitType(), false,
            parameter.join(), parameter.doc(), checks, parameter.pointer(), parameter.value());
      }
      components.add(new ParamsModel.Component(checked,
          Text.wrap(describe, " *     ", 85 - parameter.name().length()),
          Text.wrap("Sets `" + parameter.name() + "`: " + describe + "; null for the server's default.", "     * ", 90)));
    }
    ParamsModel.Exclusive exclusive = null;
    if (paging != null && paging.cursor() != null && paging.cursor().backward() != null) {
      exclusive = new ParamsModel.Exclusive(paging.cursor().forward().setter(), paging.cursor().backward().setter());
    }
    ParamsModel model = new ParamsModel(className, request, components, patterns.models(), exclusive, List.of());
    return new ParamsModel(className, request, components, patterns.models(), exclusive, imports.params(model));
  }
}
