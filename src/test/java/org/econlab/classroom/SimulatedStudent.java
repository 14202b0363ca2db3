package org.econlab.classroom;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A student played by a test over HTTP on the loopback, as the page does it: joins, holds the event stream open and
 * answers every round it is shown with the answer {@code answers} gives for the view (null: no answer).
 */
public final class SimulatedStudent implements AutoCloseable {

    final HttpClient http;
    final URI base;
    final String nickname;
    public String token;
    public volatile JsonObject lastView;
    final List<Long> answerMillis = new CopyOnWriteArrayList<>();
    public final List<String> failures = new CopyOnWriteArrayList<>();
    private volatile long answeredRound = -1;
    private Thread reader;
    private volatile Stream<String> lines;

    public SimulatedStudent(HttpClient http, URI base, String nickname) {
        this.http = http;
        this.base = base;
        this.nickname = nickname;
    }

    public static HttpClient client() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
    }

    public HttpResponse<String> post(String path, String json, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20)).GET();
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    public SimulatedStudent join(String code) throws IOException, InterruptedException {
        JsonObject body = new JsonObject();
        body.addProperty("code", code);
        body.addProperty("nickname", nickname);
        HttpResponse<String> r = post("/api/join", body.toString(), null);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("join refused: " + r.statusCode() + " " + r.body());
        }
        token = JsonParser.parseString(r.body()).getAsJsonObject().get("token").getAsString();
        return this;
    }

    /** Opens the event stream and answers each round shown with {@code answers.apply(view)} (the answer's fields). */
    public void play(Function<JsonObject, JsonObject> answers) {
        reader = new Thread(() -> {
            try {
                HttpRequest req = HttpRequest.newBuilder(base.resolve("/api/events"))
                        .header("Authorization", "Bearer " + token).GET().build();
                HttpResponse<Stream<String>> r = http.send(req, HttpResponse.BodyHandlers.ofLines());
                lines = r.body();
                lines.forEach(line -> {
                    if (!line.startsWith("data: ")) {
                        return;
                    }
                    JsonObject v = JsonParser.parseString(line.substring(6)).getAsJsonObject();
                    lastView = v;
                    if (!v.has("round")) {
                        return;
                    }
                    JsonObject round = v.getAsJsonObject("round");
                    long id = round.get("id").getAsLong();
                    if (id == answeredRound || round.get("answered").getAsBoolean()) {
                        return;
                    }
                    JsonObject a = answers.apply(v);
                    if (a == null) {
                        return;
                    }
                    answeredRound = id;
                    a.addProperty("round", id);
                    a.addProperty("kind", round.get("kind").getAsString());
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> res = post("/api/answer", a.toString(), token);
                        for (int retry = 0; res.statusCode() == 429 && retry < 5; retry++) {
                            Thread.sleep(1000); // a polite client waits as Retry-After says
                            res = post("/api/answer", a.toString(), token);
                        }
                        answerMillis.add((System.nanoTime() - t0) / 1_000_000);
                        if (res.statusCode() != 200) {
                            failures.add(res.statusCode() + " " + res.body());
                        }
                    } catch (IOException | InterruptedException e) {
                        failures.add(e + " answering " + a);
                    }
                });
            } catch (IOException | InterruptedException | RuntimeException e) {
                // the stream ended (class over, or closed by the test)
            }
        }, "student-" + nickname);
        reader.setDaemon(true);
        reader.start();
    }

    /** Drops the event stream, as a closed browser tab does. */
    @Override
    public void close() {
        Stream<String> l = lines;
        if (l != null) {
            l.close();
        }
        if (reader != null) {
            reader.interrupt();
        }
    }
}
