package dev.sessionkit.generator;

import java.util.List;

/**
 * How a paged operation's pages follow each other (its {@code x-sessionkit-pagination}), for the
 * {@code iterate...}, {@code stream...}, {@code ...Pages} and {@code iterate...Async} forms.
 *
 * @param itemType the type of one item
 * @param page the page's type
 * @param items where the page keeps its items
 * @param pagesMethod the name of the pages form ({@code eventPages})
 * @param cursor the cursor style's settings, or null
 * @param token the token style's settings, or null
 * @param offset the offset style's settings, or null
 * @param pageSize the page size auto-paging asks for, or null for the server's default
 */
record PaginationModel(String itemType, String page, PathModel items, String pagesMethod, Cursor cursor, Token token,
    Offset offset, PageSize pageSize) {

  /**
   * Cursor style: the next request's parameter is a field of the page, while {@code has-more}.
   *
   * @param hasMore where the page says whether more follow
   * @param forward paging forward
   * @param backward paging backward, or null
   */
  record Cursor(PathModel hasMore, Direction forward, Direction backward) {}

  /**
   * One direction of cursor paging.
   *
   * @param setter the params record's component that carries the cursor ({@code afterId})
   * @param parameter its wire name ({@code after_id})
   * @param field the page's field the next cursor comes from, as the spec writes it ({@code last_id})
   * @param cursor where the page keeps it
   */
  record Direction(String setter, String parameter, String field, PathModel cursor) {}

  /**
   * Token style: an opaque token in the page; absent, null or empty ends.
   *
   * @param setter the params record's component that carries the token
   * @param parameter its wire name
   * @param nextMethod the static method that reads the next token ({@code nextPageKey})
   * @param field where the page keeps the token, as the spec writes it
   * @param path where the page keeps the token
   */
  record Token(String setter, String parameter, String nextMethod, String field, PathModel path) {}

  /**
   * Offset style: each next page is requested with the offset moved past the items read, until the
   * page's total is reached or a page is empty.
   *
   * @param setter the params record's component that carries the offset ({@code offset})
   * @param parameter its wire name
   * @param field the page's field with the total count of items, as the spec writes it, or null
   * @param total where the page keeps the total, or null when it has none (only an empty page ends)
   */
  record Offset(String setter, String parameter, String field, PathModel total) {}

  /**
   * The page size auto-paging sends when the caller gave none: the parameter's maximum.
   *
   * @param setter the params record's component
   * @param parameter its wire name
   * @param maximum the maximum
   */
  record PageSize(String setter, String parameter, int maximum) {}

  /**
   * A dotted path into a page ({@code metadata.page_key}) as the getters that read it; a template
   * prints it null-safe from a variable named {@code page} ({@code sk_path.mustache}).
   */
  record PathModel(List<String> getters) {
    String first() {
      return getters.get(0);
    }

    List<String> rest() {
      return getters.subList(1, getters.size());
    }

    boolean single() {
      return getters.size() == 1;
    }
  }
}
