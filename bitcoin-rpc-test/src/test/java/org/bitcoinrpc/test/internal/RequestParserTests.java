package org.bitcoinrpc.test.internal;

import java.nio.charset.StandardCharsets;

import org.bitcoinrpc.test.internal.rpc.ParsedBody;
import org.bitcoinrpc.test.internal.rpc.RequestParser;
import org.bitcoinrpc.test.internal.rpc.RpcRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Request decoding with Go's rules. */
class RequestParserTests {

    private final RequestParser parser = new RequestParser();

    private ParsedBody parse(String body) {
        return this.parser.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void idLiteralsAreKeptForEchoing() {
        assertThat(parse("{\"id\":1.50}").single().idJson()).isEqualTo("1.50");
        assertThat(parse("{\"id\":18446744073709551615}").single().idJson()).isEqualTo("18446744073709551615");
        assertThat(parse("{\"id\":\"a\\u0041\"}").single().idJson()).isEqualTo("\"aA\"");
        assertThat(parse("{\"id\":null}").single().hasId()).isFalse();
        assertThat(parse("{\"id\":true}").single().idJson()).isEqualTo("true");
    }

    @Test
    void membersMatchCaseInsensitivelyAndTheLastDuplicateWins() {
        RpcRequest request = parse("{\"Method\":\"a\",\"METHOD\":\"b\",\"Id\":1,\"id\":2}").single();

        assertThat(request.method()).isEqualTo("b");
        assertThat(request.idJson()).isEqualTo("2");
    }

    @Test
    void wrongMemberTypesAreTypeErrorsInGoWords() {
        assertThat(parse("{\"id\":1,\"params\":{}}").typeError())
                .isEqualTo("json: cannot unmarshal object into Go struct field .params of type []interface {}");
        assertThat(parse("{\"id\":1,\"jsonrpc\":1}").typeError())
                .isEqualTo("json: cannot unmarshal number into Go struct field .jsonrpc of type string");
        assertThat(parse("[1]").typeError())
                .isEqualTo("json: cannot unmarshal number into Go value of type btcjson.Request");
    }

    @Test
    void syntaxErrorsAreReportedAsGoReportsThem() {
        assertThat(parse("{\"id\":1,").syntaxError()).isEqualTo("unexpected end of JSON input");
        assertThat(parse("").syntaxError()).isEqualTo("unexpected end of JSON input");
        assertThat(parse("{} {}").syntaxError()).isEqualTo("invalid character '{' after top-level value");
        assertThat(parse("{\"id\":x}").syntaxError()).startsWith("invalid character 'x'");
    }

    @Test
    void onlyALeadingBracketMakesABatch() {
        assertThat(parse("[{\"id\":1}]").batch()).isTrue();
        assertThat(parse(" [{\"id\":1}]").batch()).isFalse();
        assertThat(parse(" [{\"id\":1}]").typeError()).contains("cannot unmarshal array");
    }
}
