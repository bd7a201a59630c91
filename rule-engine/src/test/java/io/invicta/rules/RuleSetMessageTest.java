package io.invicta.rules;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleSetMessageTest {

    @Test
    void aRuleSetSurvivesTheRoundTripAndCompilesOnTheOtherSide() throws Exception {
        List<RuleFile> files =
                RuleFile.readAll(List.of(ShippedRulesTest.RULES)).stream()
                        .map(f -> new RuleFile(f.moduleName() + ".epl", f.text()))
                        .toList();
        RuleSetMessage sent = new RuleSetMessage("city", 12, files);
        RuleSetMessage received = RuleSetMessage.decode(sent.encode());
        assertThat(received).isEqualTo(sent);
        RuleSet set = received.compile();
        assertThat(set.version()).isEqualTo(12);
        assertThat(set.modules()).hasSameSizeAs(files);
    }

    @Test
    void theValueIsDocumentedJson() {
        byte[] value =
                new RuleSetMessage("city", 3, List.of(new RuleFile("a.epl", "select 1;"))).encode();
        assertThat(new String(value, StandardCharsets.UTF_8))
                .isEqualTo(
                        "{\"format\":1,\"name\":\"city\",\"version\":3,\"files\":[{\"name\":\"a.epl\",\"text\":\"select"
                            + " 1;\"}]}");
    }

    @Test
    void unknownFieldsAreIgnoredButAnotherFormatIsRefused() {
        String later =
                "{\"format\":1,\"name\":\"city\",\"version\":3,\"author\":\"ana\",\"files\":[]}";
        assertThat(RuleSetMessage.decode(later.getBytes(StandardCharsets.UTF_8)).version())
                .isEqualTo(3);
        String other = "{\"format\":2,\"name\":\"city\",\"version\":3,\"files\":[]}";
        assertThatThrownBy(() -> RuleSetMessage.decode(other.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("format 2 is not supported");
        assertThatThrownBy(() -> RuleSetMessage.decode("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a rule set message");
    }

    @Test
    void aDangerousRuleSetDecodesButDoesNotCompile() {
        RuleSetMessage message =
                RuleSetMessage.decode(
                        new RuleSetMessage(
                                        "city",
                                        1,
                                        List.of(
                                                new RuleFile(
                                                        "x.epl",
                                                        "select System.exit(0) from"
                                                                + " AirQualityObserved;")))
                                .encode());
        assertThatThrownBy(message::compile)
                .isInstanceOf(RuleSetException.class)
                .hasMessageContaining("x.epl:1:15: sandbox");
    }
}
