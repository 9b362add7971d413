package dev.sessionkit.generator.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A schema sent and answered (conformance/operations/read-write-only.yaml): its readOnly id has no
 * builder setter and is never sent, not even from a value decoded from a response; its writeOnly
 * password is sent.
 */
class ReadWriteOnlyConformanceTest extends ConformanceServer {
  private static Conformance.Generated sdk;

  @BeforeAll
  static void generate() {
    sdk = Conformance.generate("operations/read-write-only.yaml");
  }

  @Test
  void aReadOnlyFieldIsNeverSentAndAWriteOnlyOneIs() throws Exception {
    enqueue(201, "{\"id\":\"acc_1\",\"email\":\"a@b.c\"}");
    enqueue(201, "{\"id\":\"acc_2\",\"email\":\"a@b.c\"}");

    Object id = sdk.run(url(), """
        AccountsClient client = client(url);
        Account created = client.accounts().create(Account.builder().email("a@b.c").password("pw").build());
        client.accounts().create(created.toBuilder().build());
        return created.id();""");

    assertEquals("acc_1", id);
    assertEquals("{\"email\":\"a@b.c\",\"password\":\"pw\"}", take().getBody().utf8());
    assertEquals("{\"email\":\"a@b.c\"}", take().getBody().utf8(), "the decoded id is not sent back");
    String account = sdk.source("model/Account.java");
    assertFalse(account.contains("public Builder id("), account);
    assertTrue(account.contains("public Builder password("), account);
  }
}
