package org.econlab.classroom;

import com.google.gson.JsonParser;

import org.econlab.economy.TaxBrackets;
import org.econlab.economy.TaxSchedule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A class on a school network: join code, one seat per token, forged and replayed tokens, validation, limits. */
class ClassServerSecurityTest {

    private ClassSession session;
    private ClassServer server;
    private SimulatedStudent ada;
    private SimulatedStudent bo;

    @BeforeEach
    void start() throws Exception {
        session = new ClassSession(2, 30);
        server = ClassServer.start(session, InetAddress.getLoopbackAddress(), 0);
        ada = new SimulatedStudent(SimulatedStudent.client(), server.url(), "Ada").join(session.joinCode());
        bo = new SimulatedStudent(SimulatedStudent.client(), server.url(), "Bo").join(session.joinCode());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static int status(HttpResponse<String> r) {
        return r.statusCode();
    }

    private String joinBody(String code, String nick) {
        return "{\"code\":\"" + code + "\",\"nickname\":\"" + nick + "\"}";
    }

    @Test
    void joiningNeedsTheCodeAFreeSeatAndAFreshNickname() throws Exception {
        assertEquals(403, status(ada.post("/api/join", joinBody("ZZZZZZ", "Cy"), null)));
        assertEquals(400, status(ada.post("/api/join", joinBody(session.joinCode(), "<script>"), null)));
        assertEquals(400, status(ada.post("/api/join", joinBody(session.joinCode(), ""), null)));
        assertEquals(409, status(ada.post("/api/join", joinBody(session.joinCode(), "ada"), null)), "taken nickname");
        assertEquals(409, status(ada.post("/api/join", joinBody(session.joinCode().toLowerCase(), "Cy"), null)),
                "two seats, both held");
        // one seat per browser token: joining again with it gives the same seat, not a second one
        HttpResponse<String> again = ada.post("/api/join", "{\"code\":\"x\",\"nickname\":\"Other\",\"token\":\""
                + ada.token + "\"}", null);
        assertEquals(200, status(again));
        assertEquals(ada.token, JsonParser.parseString(again.body()).getAsJsonObject().get("token").getAsString());
        assertEquals(session.seatOf(ada.token), JsonParser.parseString(again.body()).getAsJsonObject().get("seat").getAsInt());
    }

    @Test
    void forgedAndReplayedTokensAreRefused() throws Exception {
        byte[] b = new byte[32];
        new java.security.SecureRandom().nextBytes(b);
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        assertEquals(401, status(ada.get("/api/state", forged)));
        assertEquals(401, status(ada.get("/api/events", forged)));
        assertEquals(401, status(ada.post("/api/answer", "{\"round\":1,\"kind\":\"hours\",\"hours\":40}", forged)));
        assertEquals(401, status(ada.get("/api/state", "not a token")));
        assertEquals(401, status(ada.get("/api/state", null)));
        // a token of another class is as good as forged
        ClassSession other = new ClassSession(1, 30);
        try (ClassServer otherServer = ClassServer.start(other, InetAddress.getLoopbackAddress(), 0)) {
            SimulatedStudent elsewhere = new SimulatedStudent(SimulatedStudent.client(), otherServer.url(), "Ada")
                    .join(other.joinCode());
            assertEquals(401, status(ada.get("/api/state", elsewhere.token)));
        }
        assertEquals(200, status(ada.get("/api/state", ada.token)));
        // replayed after the seat was given up, or after the teacher removed the student
        String adaToken = ada.token;
        assertEquals(200, status(ada.post("/api/leave", "{}", adaToken)));
        assertEquals(401, status(ada.get("/api/state", adaToken)));
        HttpResponse<String> rejoin = ada.post("/api/join", "{\"code\":\"" + session.joinCode()
                + "\",\"nickname\":\"Ada\",\"token\":\"" + adaToken + "\"}", null);
        assertEquals(200, status(rejoin), "a revoked token joins afresh, with a new token");
        assertFalse(rejoin.body().contains(adaToken));
        String boToken = bo.token;
        session.kick(session.seatOf(boToken));
        assertEquals(401, status(bo.get("/api/state", boToken)));
        assertEquals(401, status(bo.post("/api/answer", "{\"round\":1,\"kind\":\"hours\",\"hours\":40}", boToken)));
        // after the class ends nothing is accepted, and nobody can join
        String newAda = JsonParser.parseString(rejoin.body()).getAsJsonObject().get("token").getAsString();
        session.end();
        assertEquals(401, status(ada.get("/api/state", newAda)));
        assertEquals(410, status(ada.post("/api/join", joinBody(session.joinCode(), "Dee"), null)));
        assertTrue(session.students().isEmpty(), "nicknames forgotten");
    }

    @Test
    void everyInputIsValidatedAndAStudentSeesOnlyTheirOwnSeat() throws Exception {
        TaxBrackets brackets = TaxBrackets.of(0, 90_000, 159_100, TaxBrackets.PAPER_TOP_CUTOFF_USD);
        session.beginRun(new HumanInputs.Seats(new int[] {3, 8}, new double[] {20, 60}, brackets, 10, 5, 100, true));
        TaxSchedule schedule = TaxSchedule.of(brackets, 30, 30, 30);
        CompletableFuture<Map<Integer, HumanInputs.Hours>> round = CompletableFuture.supplyAsync(
                () -> session.hours(0, true, schedule));
        long id = awaitRound();
        String t = ada.token;
        assertEquals(400, status(ada.post("/api/answer", "{\"round\":" + id + ",\"kind\":\"hours\",\"hours\":101}", t)));
        assertEquals(400, status(ada.post("/api/answer", "{\"round\":" + id + ",\"kind\":\"hours\",\"hours\":-1}", t)));
        assertEquals(400, status(ada.post("/api/answer", "{\"round\":" + id + ",\"kind\":\"hours\",\"hours\":\"40\"}", t)));
        assertEquals(400, status(ada.post("/api/answer", "{\"round\":" + id + ",\"kind\":\"pay\",\"hours\":40}", t)));
        assertEquals(400, status(ada.post("/api/answer", "[1,2]", t)));
        assertEquals(400, status(ada.post("/api/answer", "{not json", t)));
        assertEquals(409, status(ada.post("/api/answer", "{\"round\":" + (id + 1) + ",\"kind\":\"hours\",\"hours\":4}", t)));
        assertEquals(409, status(ada.post("/api/answer", "{\"round\":" + id + ",\"kind\":\"vote\",\"vote\":3}", t)));
        assertEquals(413, status(ada.post("/api/answer", "{\"pad\":\"" + "x".repeat(5000) + "\"}", t)));
        assertEquals(200, status(ada.post("/api/answer", "{\"round\":" + id + ",\"kind\":\"hours\",\"hours\":55.5}", t)));
        String view = ada.get("/api/state", t).body();
        assertFalse(view.contains("\"Bo\""), "no other student's nickname: " + view);
        assertFalse(view.contains(bo.token), view);
        session.advance();
        Map<Integer, HumanInputs.Hours> hours = round.get();
        int adaAgent = session.seatOf(t) == 0 ? 3 : 8;
        assertEquals(new HumanInputs.Hours(55.5, true), hours.get(adaAgent));
        assertEquals(HumanInputs.Hours.KEEP, hours.get(adaAgent == 3 ? 8 : 3), "Bo did not answer: keeps his hours");
        // a student cannot act for another seat: only the elected leader answers the leader's round
        int boAgent = adaAgent == 3 ? 8 : 3;
        CompletableFuture<double[]> lead = CompletableFuture.supplyAsync(() -> session.leaderDeltas(5, boAgent, schedule));
        long leaderRound = awaitRound();
        assertEquals(403, status(ada.post("/api/answer", "{\"round\":" + leaderRound
                + ",\"kind\":\"leader\",\"deltas\":[10,10,10]}", t)));
        assertEquals(400, status(bo.post("/api/answer", "{\"round\":" + leaderRound
                + ",\"kind\":\"leader\",\"deltas\":[15,10,10]}", bo.token)));
        assertEquals(200, status(bo.post("/api/answer", "{\"round\":" + leaderRound
                + ",\"kind\":\"leader\",\"deltas\":[-10,0,20]}", bo.token)));
        assertEquals("[-10.0, 0.0, 20.0]", java.util.Arrays.toString(lead.get()));
        assertNull(session.leaderDeltas(10, 42, schedule), "nobody plays agent 42: no round");
    }

    private long awaitRound() throws Exception {
        for (int i = 0; i < 500; i++) {
            var v = JsonParser.parseString(ada.get("/api/state", ada.token).body()).getAsJsonObject();
            if (v.has("round")) {
                long id = v.getAsJsonObject("round").get("id").getAsLong();
                if (id > lastRound) {
                    lastRound = id;
                    return id;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no round opened");
    }

    private long lastRound;

    @Test
    void requestsAreRateLimitedAndOnlyThisServersHostIsServed() throws Exception {
        int limited = 0;
        for (int i = 0; i < 120; i++) {
            if (status(ada.get("/api/state", ada.token)) == 429) {
                limited++;
            }
        }
        assertTrue(limited > 0, "a seat's burst of requests is limited");
        int joinsLimited = 0;
        for (int i = 0; i < 20; i++) {
            if (status(ada.post("/api/join", joinBody("WRONG1", "Eve"), null)) == 429) {
                joinsLimited++;
            }
        }
        assertTrue(joinsLimited >= 5, "guessing the join code is limited: " + joinsLimited);
        // DNS rebinding: a page of another site that resolves to this address is refused
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.url().getPort())) {
            OutputStream out = s.getOutputStream();
            out.write(("GET /api/state HTTP/1.1\r\nHost: evil.example:" + server.url().getPort()
                    + "\r\nAuthorization: Bearer " + bo.token + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String statusLine = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            assertTrue(statusLine.contains(" 421"), statusLine);
        }
        HttpResponse<String> page = ada.get("/", null);
        assertEquals(200, status(page));
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));
        assertEquals(404, status(ada.get("/../pom.xml", null)));
        assertEquals(415, status(ada.http.send(java.net.http.HttpRequest.newBuilder(server.url().resolve("/api/join"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("code=1")).header("Content-Type",
                        "application/x-www-form-urlencoded").build(), HttpResponse.BodyHandlers.ofString())));
    }
}
