package dev.sessionkit.sandbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The template language of scenario files. */
class TemplateTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private static Template.Ctx ctx() {
    return new Template.Ctx(new Rng(1), NOW, name -> List.of("one", "two"), op -> Map.of("id", "doc", "n", 1), name -> {
      throw new IllegalArgumentException(name);
    }).with("item", Json.parse("{\"id\":\"sess_1\",\"tags\":[\"a\"],\"status\":\"running\",\"none\":null}"))
        .with("request", Json.parse("{\"title\":\"T\"}"));
  }

  private static Object eval(String json) {
    return Template.eval(Json.parse(json), ctx());
  }

  @Test
  void aStringThatIsOneExpressionKeepsTheValuesType() {
    assertEquals(List.of("a"), eval("\"{item.tags}\""));
    assertEquals(new Json.Num("42"), eval("\"{42}\""));
    assertEquals(true, eval("\"{item.status==running}\""));
    assertEquals(null, eval("\"{item.none}\""));
  }

  @Test
  void otherStringsHaveTheValuesWrittenIn() {
    assertEquals("Session sess_1 is running", eval("\"Session {item.id} is {item.status}\""));
    assertEquals("{literal}", eval("\"{{literal}}\""));
    assertEquals("at 2026-01-01T00:00:00Z", eval("\"at {now}\""));
  }

  @Test
  void theFirstAlternativeThatIsNotNullWins() {
    assertEquals("T", eval("\"{request.missing|request.title}\""));
    assertEquals("fallback", eval("\"{request.missing|'fallback'}\""));
    assertEquals(true, eval("\"{request.missing|true}\""));
  }

  @Test
  void numbersAreFormattedAndDrawnFromTheSeed() {
    Template.Ctx ctx = ctx().with("index", Json.Num.of(255));
    assertEquals("evt_000000ff", Template.eval("evt_{index:08x}", ctx));
    Object first = Template.eval("{hex:8}|{uuid}|{int:1..6}|{pick:X}|{dec:1..99:2}", ctx());
    assertEquals(first, Template.eval("{hex:8}|{uuid}|{int:1..6}|{pick:X}|{dec:1..99:2}", ctx()), "the same seed, the same draws");
  }

  @Test
  void directivesBuildObjectsAndLists() {
    assertEquals(Map.of("id", "doc", "n", new Json.Num("2")), eval("{\"$example\": \"op\", \"set\": {\"n\": 2}}"));
    assertEquals(Map.of("id", "sess_1", "title", "T"), eval("{\"$merge\": [{\"id\": \"{item.id}\"}, \"{request}\", null]}"));
    assertEquals(List.of(Map.of("i", new Json.Num("0")), Map.of("i", new Json.Num("1"))),
        eval("{\"$repeat\": 2, \"item\": {\"i\": \"{i}\"}}"));
    assertEquals(List.of("a!"), eval("{\"$each\": \"{item.tags}\", \"as\": \"t\", \"item\": \"{t}!\"}"));
    assertEquals(List.of("Hello big ", "world"), eval("{\"$chunks\": \"Hello big world\", \"words\": 2, \"item\": \"{chunk}\"}"));
  }

  @Test
  void ifLeavesAMemberOutWhenItHasNoBranchToTake() {
    assertEquals(Map.of("a", "yes"), eval("{\"a\": {\"$if\": \"{item.id}\", \"then\": \"yes\"}, \"b\": {\"$if\": \"{item.none}\", \"then\": 1}}"));
    assertEquals(Map.of(), eval("{\"gone\": {\"$omit\": true}}"));
  }
}
