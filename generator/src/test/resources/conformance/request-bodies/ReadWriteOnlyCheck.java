package dev.sessionkit.conformance.request_bodies.read_write_only;

import static org.junit.jupiter.api.Assertions.*;

import dev.sessionkit.conformance.request_bodies.read_write_only.model.*;
import dev.sessionkit.generator.conformance.Conformance;
import mockwebserver3.MockResponse;

public final class ReadWriteOnlyCheck {
  public void aReadOnlyFieldIsNeverSentAndAWriteOnlyOneIs(Conformance c) {
    for (String id : new String[] {"acc_1", "acc_2"}) {
      c.server().enqueue(new MockResponse.Builder().code(201).addHeader("Content-Type", "application/json")
          .body("{\"id\":\"" + id + "\",\"email\":\"a@b.c\"}").build());
    }
    ConformanceClient client = ConformanceClient.builder().token("t").baseUrl(c.baseUrl()).noRetries().build();

    Account created = client.accounts().create(Account.builder().email("a@b.c").password("pw").build());
    client.accounts().create(created.toBuilder().build());

    assertEquals("acc_1", created.id());
    assertEquals("{\"email\":\"a@b.c\",\"password\":\"pw\"}", c.request().getBody().utf8());
    assertEquals("{\"email\":\"a@b.c\"}", c.request().getBody().utf8(), "the decoded id is not sent back");
    String account = c.source(Account.class);
    assertFalse(account.contains("public Builder id("), account);
    assertTrue(account.contains("public Builder password("), account);
  }
}
