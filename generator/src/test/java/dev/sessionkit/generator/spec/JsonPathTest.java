package dev.sessionkit.generator.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The JSONPath subset selects what RFC 9535 says, as locations with their JSON pointers. */
class JsonPathTest {
  private static final JsonNode DOC = Pointers.parse("""
      paths:
        /calls:
          get:
            parameters:
              - {name: filter, in: query}
              - {name: filter, in: header}
              - {$ref: '#/components/parameters/RequestTimeout'}
            responses:
              '200': {description: ok}
              '500': {description: boom}
          post:
            responses:
              '500': {description: boom}
        /a~b/{id}:
          get:
            x-codegen: {skip: true}
            responses:
              '200': {description: ok}
      numbers: [1, 2.0, 3, 'a', 'b']
      """, "doc.yaml");

  private static List<String> pointers(String query) {
    return JsonPath.parse(query).select(DOC).stream().map(JsonPath.Location::pointer).toList();
  }

  @Test
  void dotNamesBracketNamesAndIndexesSelectLocationsWithTheirPointers() {
    assertEquals(List.of("/paths/~1calls/get/parameters/1"), pointers("$.paths['/calls'].get.parameters[1]"));
    assertEquals(List.of("/paths/~1calls/get/parameters/1"), pointers("$[\"paths\"][\"/calls\"]['get'].parameters[-2]"));
    assertEquals(List.of(""), pointers("$"));
  }

  @Test
  void tildesAndSlashesInNamesAreEscapedInThePointer() {
    assertEquals(List.of("/paths/~1a~0b~1{id}/get"), pointers("$.paths['/a~b/{id}'].get"));
  }

  @Test
  void quotedNamesTakeTheRfcEscapes() {
    JsonNode doc = Pointers.parse("{\"it's\": {\"a\\\"b\": 1, \"\\u00e9\": 2}}", "doc.json");

    assertEquals(1, JsonPath.parse("$['it\\'s'][\"a\\\"b\"]").select(doc).get(0).value().intValue());
    assertEquals(2, JsonPath.parse("$[\"it's\"]['\\u00e9']").select(doc).get(0).value().intValue());
  }

  @Test
  void aWildcardSelectsEveryMemberAndElementInDocumentOrder() {
    assertEquals(List.of("/paths/~1calls/get", "/paths/~1calls/post", "/paths/~1a~0b~1{id}/get"), pointers("$.paths.*.*"));
    assertEquals(5, pointers("$.numbers[*]").size());
  }

  @Test
  void theDescendantSegmentSelectsMatchesAtEveryDepth() {
    assertEquals(List.of("/paths/~1calls/get/responses/500", "/paths/~1calls/post/responses/500"),
        pointers("$.paths..responses['500']"));
    assertEquals(List.of("/paths/~1a~0b~1{id}/get/x-codegen/skip"), pointers("$..skip"));
  }

  @Test
  void aListOfSelectorsSelectsEachNodeOnceInTheOrderWritten() {
    assertEquals(List.of("/paths/~1calls/post", "/paths/~1calls/get"), pointers("$.paths['/calls']['post','get','post']"));
  }

  @Test
  void aFilterComparesMembersWithLiteralsAndCombinesThemWithAndOrNot() {
    assertEquals(List.of("/paths/~1calls/get/parameters/0"),
        pointers("$.paths.*.get.parameters[?@.name=='filter' && @.in=='query']"));
    assertEquals(List.of("/paths/~1calls/get/parameters/0", "/paths/~1calls/get/parameters/2"),
        pointers("$.paths.*.get.parameters[?@.in == 'query' || @['$ref'] == '#/components/parameters/RequestTimeout']"));
    assertEquals(List.of("/paths/~1calls/get/parameters/1", "/paths/~1calls/get/parameters/2"),
        pointers("$.paths.*.get.parameters[?!(@.in == 'query')]"));
  }

  @Test
  void aFilterTestsExistenceAndAMissingMemberEqualsOnlyAMissingMember() {
    assertEquals(List.of("/paths/~1calls/get/parameters/2"), pointers("$.paths.*.get.parameters[?@.$ref]"));
    assertEquals(List.of("/paths/~1calls/get/parameters/0", "/paths/~1calls/get/parameters/1"),
        pointers("$.paths.*.get.parameters[?!@.$ref]"));
    assertEquals(List.of(), pointers("$.paths.*.get.parameters[?@.missing == null]"));
    assertEquals(List.of("/paths/~1calls/get/parameters/2"), pointers("$.paths.*.get.parameters[?@.name == @.missing]"));
  }

  @Test
  void aFilterMayReadTheRootAndNestedMembers() {
    assertEquals(List.of("/paths/~1a~0b~1{id}/get"), pointers("$.paths.*[?@.x-codegen.skip == true]"));
    assertEquals(5, pointers("$.paths.*.*[?$.numbers[0] == 1]").size());
  }

  @Test
  void numbersCompareByValueAndOrderingComparesOnlyLikeWithLike() {
    assertEquals(List.of("/numbers/1"), pointers("$.numbers[?@ == 2]"));
    assertEquals(List.of("/numbers/0", "/numbers/1"), pointers("$.numbers[?@ < 3]"));
    assertEquals(List.of("/numbers/4"), pointers("$.numbers[?@ > 'a']"));
    assertEquals(List.of("/numbers/2", "/numbers/3", "/numbers/4"), pointers("$.numbers[?@ >= 3 || @ >= 'a']"));
  }

  @Test
  void anIndexOutsideTheArrayAndANameNotThereSelectNothing() {
    assertEquals(List.of(), pointers("$.numbers[9]"));
    assertEquals(List.of(), pointers("$.paths['/calls'].put"));
    assertEquals(List.of(), pointers("$.numbers.name"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "paths.x                | a query starts with $ at position 0",
      "$.numbers[1:3]         | slices ([start:end]) are not supported at position 11",
      "$.paths[?length(@) > 1] | function extensions (length(...)) are not supported",
      "$.paths['/calls'       | expected ']' before the end",
      "$.paths[?@.a = 1]      | expected ']', found '='",
      "$.paths[?'a']          | a literal alone is not a test",
      "$.paths[?@.* == 1]     | a comparison needs a singular query",
      "$.numbers[01]          | invalid index 01",
      "$.paths.               | expected a member name",
  })
  void malformedAndUnsupportedQueriesAreRefusedWithThePosition(String query, String message) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JsonPath.parse(query.strip()));

    assertTrue(e.getMessage().startsWith("JSONPath " + query.strip() + ": "), e.getMessage());
    assertTrue(e.getMessage().contains(message.strip()), e.getMessage());
  }

  @Test
  void aPrefixIsTheQueryOfItsFirstSegments() {
    JsonPath path = JsonPath.parse("$.paths['/calls'].get.parameters[?@.in == 'query']");

    assertEquals(5, path.length());
    assertEquals("$.paths['/calls']", path.prefix(2).text());
    assertEquals(List.of("/paths/~1calls"), path.prefix(2).select(DOC).stream().map(JsonPath.Location::pointer).toList());
  }
}
