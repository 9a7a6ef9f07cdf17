package io.monago.atrium.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The event stream format as the HTML standard interprets it. Every input is also fed cut at every
 * position, in two pieces and byte by byte, and must give the same events.
 */
class SseEventParserTest {

    private static SseEvent message(String data) {
        return new SseEvent("message", data, "", OptionalLong.empty());
    }

    /** The events of a body, checked to be the same however the body is cut. */
    private static List<SseEvent> parse(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        List<SseEvent> whole = parse(List.of(bytes));
        for (int cut = 0; cut <= bytes.length; cut++) {
            byte[] first = java.util.Arrays.copyOfRange(bytes, 0, cut);
            byte[] second = java.util.Arrays.copyOfRange(bytes, cut, bytes.length);
            assertThat(parse(List.of(first, second))).as("cut at byte %d", cut).isEqualTo(whole);
        }
        List<byte[]> single = new ArrayList<>();
        for (byte b : bytes) {
            single.add(new byte[] {b});
        }
        assertThat(parse(single)).as("byte by byte").isEqualTo(whole);
        return whole;
    }

    private static List<SseEvent> parse(List<byte[]> pieces) {
        List<SseEvent> events = new ArrayList<>();
        SseEventParser parser = new SseEventParser(events::add, 1 << 20);
        for (byte[] piece : pieces) {
            parser.feed(ByteBuffer.wrap(piece));
        }
        parser.finish();
        return events;
    }

    @Test
    void dataLinesOfOneEventAreJoinedWithLineFeeds() {
        assertThat(parse("data: {\"a\":\ndata: 1}\n\ndata: second\n\n"))
                .containsExactly(message("{\"a\":\n1}"), message("second"));
    }

    @Test
    void commentsAreIgnoredAnywhere() {
        assertThat(parse(": keep-alive\n\ndata: a\n: inside an event\ndata: b\n\n:last\n"))
                .containsExactly(message("a\nb"));
    }

    @Test
    void eventIdAndRetryFieldsAreRead() {
        String body = """
                event: error
                id: 7
                retry: 1500
                data: x

                data: y

                id
                retry: 12a
                data: z

                """;
        List<SseEvent> events = parse(body);

        assertThat(events)
                .containsExactly(
                        new SseEvent("error", "x", "7", OptionalLong.of(1500)),
                        // The type is per event; the last id and the retry time carry over.
                        new SseEvent("message", "y", "7", OptionalLong.of(1500)),
                        // "id" alone empties the id; a retry that is not all digits is ignored.
                        new SseEvent("message", "z", "", OptionalLong.of(1500)));
    }

    @Test
    void anIdHoldingNullIsIgnored() {
        assertThat(parse("id: 1\ndata: a\n\nid: 2\u0000x\ndata: b\n\n"))
                .extracting(SseEvent::lastEventId)
                .containsExactly("1", "1");
    }

    @Test
    void crlfAndCrEndLinesAsLfDoes() {
        String lf = "event: e\ndata: a\ndata: b\n\ndata: c\n\n";
        List<SseEvent> expected = parse(lf);
        assertThat(parse(lf.replace("\n", "\r\n"))).isEqualTo(expected);
        assertThat(parse(lf.replace("\n", "\r"))).isEqualTo(expected);
        assertThat(parse("event: e\r\ndata: a\rdata: b\n\r\ndata: c\r\r")).isEqualTo(expected);
    }

    @Test
    void aCrAtTheEndOfOnePieceAndAnLfAtTheStartOfTheNextAreOneLineEnd() {
        List<SseEvent> events = parse(List.of(
                "data: a\r".getBytes(StandardCharsets.UTF_8),
                "\ndata: b\r".getBytes(StandardCharsets.UTF_8),
                "\n\r".getBytes(StandardCharsets.UTF_8),
                "\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(events).containsExactly(message("a\nb"));
    }

    @Test
    void aFinalEventWithoutTheBlankLineIsStillDispatched() {
        assertThat(parse("data: a\n\ndata: [DONE]\n")).containsExactly(message("a"), message("[DONE]"));
        assertThat(parse("data: a\n\ndata: [DONE]")).containsExactly(message("a"), message("[DONE]"));
        assertThat(parse("data: a\r\n\r\ndata: [DONE]\r")).containsExactly(message("a"), message("[DONE]"));
    }

    @Test
    void oneSpaceAfterTheColonIsDroppedNoMore() {
        assertThat(parse("data:x\n\ndata:  x\n\ndata: \n\ndata\n\ndata:\n\n"))
                .containsExactly(message("x"), message(" x"), message(""), message(""), message(""));
    }

    @Test
    void anEventWithoutDataIsNotDispatchedAndItsTypeIsForgotten() {
        assertThat(parse("event: ping\n\ndata: a\n\nevent: ping\nid: 3\n\n")).containsExactly(message("a"));
    }

    @Test
    void unknownFieldsAreIgnored() {
        assertThat(parse("foo: bar\ndata: a\nDATA: shouting\nData: b\n\n")).containsExactly(message("a"));
    }

    @Test
    void aLeadingByteOrderMarkIsDroppedOnlyAtTheStart() {
        assertThat(parse("\uFEFFdata: a\n\n\uFEFFdata: b\n\ndata: \uFEFFc\n\n"))
                .containsExactly(message("a"), message("\uFEFFc"));
        assertThat(parse("\uFEFF\ndata: a\n\n")).containsExactly(message("a"));
    }

    @Test
    void multiByteCharactersCutBetweenPiecesAreDecodedWhole() {
        assertThat(parse("data: Pasien batuk \u2013 dua minggu \uD83D\uDE37 \u00e9\n\n"))
                .containsExactly(message("Pasien batuk \u2013 dua minggu \uD83D\uDE37 \u00e9"));
    }

    @Test
    void aLineOverTheLimitFailsRatherThanGrowWithoutBound() {
        SseEventParser parser = new SseEventParser(e -> {}, 64);
        byte[] line = ("data: " + "x".repeat(100)).getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> parser.feed(ByteBuffer.wrap(line)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("64 bytes");
    }

    @Test
    void manyDataLinesOverTheLimitFailToo() {
        SseEventParser parser = new SseEventParser(e -> {}, 64);
        byte[] lines = "data: 0123456789\n".repeat(10).getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> parser.feed(ByteBuffer.wrap(lines)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("64 bytes");
    }

    @Test
    void aDirectBufferIsReadAsAHeapOneIs() {
        List<SseEvent> events = new ArrayList<>();
        SseEventParser parser = new SseEventParser(events::add, 1024);
        byte[] bytes = "data: direct\n\n".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
        parser.feed(direct);
        assertThat(direct.hasRemaining()).isFalse();
        assertThat(events).containsExactly(message("direct"));
    }
}
