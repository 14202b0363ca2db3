package org.econlab.classroom;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The class's web server (the JDK's {@code com.sun.net.httpserver}): the student page and its JSON API, bound to one
 * address the teacher picks, on a port of their choice (0: any free port). Off unless started; {@link #close()} stops
 * it and ends the class.
 *
 * <p>The API (JSON in and out, the seat token in an {@code Authorization: Bearer} header, never in a URL or cookie):
 * <ul>
 *   <li>{@code POST /api/join} {@code {"code", "nickname", "token"?}}: a seat and its token (or the same seat again
 *       for a token the browser already holds);</li>
 *   <li>{@code GET /api/state}: the student's page as JSON; {@code GET /api/events}: the same, pushed as server-sent
 *       events whenever it changes (a comment line every few seconds keeps the stream alive);</li>
 *   <li>{@code POST /api/answer} {@code {"round", "kind", ...}} with {@code hours}, {@code stand}+{@code platform},
 *       {@code vote} or {@code deltas}; {@code POST /api/leave}.</li>
 * </ul>
 * Every request is checked: the {@code Host} header must name this server (no DNS rebinding), bodies are JSON of at
 * most {@value #MAX_BODY} bytes, seat requests are rate-limited per token and joins per remote address, answers are
 * validated by {@link Decisions}. Responses carry a strict content security policy and are never cached. Nothing is
 * logged.
 */
public final class ClassServer implements AutoCloseable {

    static final int MAX_BODY = 4096;
    /** Event streams open at once, over all seats. */
    static final int MAX_STREAMS_PER_SEAT = SeatRegistry.STREAMS_PER_SEAT;
    static final long PING_MILLIS = 1500;

    private static final Map<String, String> STATIC = Map.of(
            "/", "index.html",
            "/index.html", "index.html",
            "/app.js", "app.js",
            "/app.css", "app.css");
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    static {
        // A client that sends its request slowly must not hold a thread for ever (the JDK server reads requests on its
        // pool's threads). Read when the JDK's server first loads, so only where nothing set it before.
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", "10");
        }
    }

    /** An address the class can be served on, as the teacher's list shows it. */
    public record Address(String label, InetAddress address) {
        @Override
        public String toString() {
            return label;
        }
    }

    private final ClassSession session;
    private final HttpServer server;
    private final ExecutorService pool;
    private final Set<String> hosts;
    private final URI url;
    private final AtomicInteger streams = new AtomicInteger();
    private final int maxStreams;
    private volatile boolean closed;

    private ClassServer(ClassSession session, InetAddress bind, int port) throws IOException {
        this.session = session;
        this.server = HttpServer.create(new InetSocketAddress(bind, port), 64);
        int actual = server.getAddress().getPort();
        String host = bind instanceof Inet6Address ? "[" + bind.getHostAddress().replaceAll("%.*$", "") + "]"
                : bind.getHostAddress();
        this.url = URI.create("http://" + host + ":" + actual + "/");
        Set<String> h = new HashSet<>();
        h.add((host + ":" + actual).toLowerCase(Locale.ROOT));
        if (bind.isLoopbackAddress()) {
            h.add("localhost:" + actual);
            h.add("127.0.0.1:" + actual);
        }
        this.hosts = Collections.unmodifiableSet(h);
        this.maxStreams = session.seatCount() * MAX_STREAMS_PER_SEAT + 8;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(4, maxStreams + 64, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "class-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
        server.setExecutor(pool);
        server.createContext("/", this::handle);
    }

    /**
     * Serves {@code session} on {@code bind} (an address of this machine) and {@code port} (0 picks a free one).
     *
     * @throws UncheckedIOException when the address cannot be bound (taken port, address not on this machine)
     */
    public static ClassServer start(ClassSession session, InetAddress bind, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535");
        }
        try {
            ClassServer s = new ClassServer(session, bind, port);
            s.server.start();
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the class on " + bind.getHostAddress() + ":" + port + ": "
                    + e.getMessage(), e);
        }
    }

    /** The address students open, e.g. {@code http://192.168.1.20:8080/}. */
    public URI url() {
        return url;
    }

    /** The address with the join code in its fragment (never sent to the server), for the QR code. */
    public URI urlWithCode() {
        return URI.create(url + "#code=" + session.joinCode());
    }

    public ClassSession session() {
        return session;
    }

    /** Stops serving and ends the class (every token revoked, nicknames forgotten). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        session.end();
        server.stop(0);
        pool.shutdownNow();
    }

    /**
     * The addresses of this machine's interfaces that are up, IPv4 first and the loopback last (reachable only from
     * this machine, for trying the page).
     */
    public static List<Address> addresses() {
        return ServerAddresses.ofThisMachine();
    }

    // ---------------------------------------------------------------- requests

    private void handle(HttpExchange ex) {
        try {
            secure(ex);
            String host = ex.getRequestHeaders().getFirst("Host");
            if (host == null || !hosts.contains(host.toLowerCase(Locale.ROOT))) {
                error(ex, 421, "unknown host");
                return;
            }
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            if (STATIC.containsKey(path) && "GET".equals(method)) {
                serveStatic(ex, STATIC.get(path));
                return;
            }
            switch (path) {
                case "/api/join" -> post(ex, this::join);
                case "/api/state" -> {
                    if (!"GET".equals(method)) {
                        error(ex, 405, "use GET");
                        return;
                    }
                    json(ex, 200, session.view(token(ex)));
                }
                case "/api/events" -> {
                    if (!"GET".equals(method)) {
                        error(ex, 405, "use GET");
                        return;
                    }
                    events(ex);
                }
                case "/api/answer" -> post(ex, this::answer);
                case "/api/leave" -> post(ex, (e, body) -> {
                    session.leave(token(e));
                    json(e, 200, "{\"left\":true}");
                });
                default -> error(ex, 404, "not found");
            }
        } catch (ClassException e) {
            try {
                if (e.status() == 429) {
                    ex.getResponseHeaders().set("Retry-After", "1");
                }
                error(ex, e.status(), e.getMessage());
            } catch (IOException ignored) {
                // the browser went away
            }
        } catch (IOException | RuntimeException e) {
            try {
                error(ex, 500, "the class could not answer");
            } catch (IOException | RuntimeException ignored) {
                // headers already sent or the browser went away
            }
        } finally {
            ex.close();
        }
    }

    @FunctionalInterface
    private interface JsonHandler {
        void handle(HttpExchange ex, JsonObject body) throws IOException;
    }

    private void post(HttpExchange ex, JsonHandler h) throws IOException {
        if (!"POST".equals(ex.getRequestMethod())) {
            error(ex, 405, "use POST");
            return;
        }
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            error(ex, 415, "send JSON");
            return;
        }
        byte[] raw = readAtMost(ex.getRequestBody(), MAX_BODY);
        if (raw == null) {
            error(ex, 413, "request too large");
            return;
        }
        JsonObject body;
        try {
            JsonElement e = JsonParser.parseString(new String(raw, StandardCharsets.UTF_8));
            if (!e.isJsonObject()) {
                throw new JsonParseException("not an object");
            }
            body = e.getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            error(ex, 400, "the request is not a JSON object");
            return;
        }
        h.handle(ex, body);
    }

    private void join(HttpExchange ex, JsonObject body) throws IOException {
        String remote = ex.getRemoteAddress().getAddress().getHostAddress();
        ClassSession.Joined j = session.join(remote, string(body, "code"), string(body, "nickname"),
                string(body, "token"));
        JsonObject out = new JsonObject();
        out.addProperty("token", j.token());
        out.addProperty("seat", j.seat());
        json(ex, 200, out.toString());
    }

    private void answer(HttpExchange ex, JsonObject body) throws IOException {
        String token = token(ex);
        ClassSession.RoundKind kind = Decisions.kind(string(body, "kind"));
        session.answer(token, Decisions.roundId(body), kind, body);
        json(ex, 200, "{\"accepted\":true}");
    }

    private static String string(JsonObject body, String field) {
        JsonElement e = body.get(field);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new ClassException(400, field + " must be text");
        }
        String s = e.getAsString();
        if (s.length() > 200) {
            throw new ClassException(400, field + " is too long");
        }
        return s;
    }

    private static String token(HttpExchange ex) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer ")) {
            throw new ClassException(401, "join the class first");
        }
        return auth.substring("Bearer ".length()).strip();
    }

    /** Streams the student's page as server-sent events until the browser leaves, the seat goes or the class ends. */
    private void events(HttpExchange ex) throws IOException {
        String token = token(ex);
        if (streams.incrementAndGet() > maxStreams) {
            streams.decrementAndGet();
            throw new ClassException(503, "too many open pages");
        }
        try {
            EventStream stream = new EventStream();
            Runnable detach = session.subscribe(token, stream); // throws 401 before any header is sent
            try {
                ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
                ex.sendResponseHeaders(200, 0);
                OutputStream out = ex.getResponseBody();
                while (!closed) {
                    String next = stream.next(PING_MILLIS);
                    if (next == null) {
                        if (stream.closed()) {
                            break;
                        }
                        out.write(": ping\n\n".getBytes(StandardCharsets.UTF_8));
                    } else {
                        out.write(("data: " + next + "\n\n").getBytes(StandardCharsets.UTF_8));
                    }
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                // the browser closed the page or lost the network: the seat stays, the round stops waiting for it
            } finally {
                detach.run();
            }
        } finally {
            streams.decrementAndGet();
        }
    }

    private static byte[] readAtMost(InputStream in, int max) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] buf = new byte[1024];
        int total = 0;
        for (int r; (r = in.read(buf)) > 0; ) {
            total += r;
            if (total > max) {
                return null;
            }
            b.write(buf, 0, r);
        }
        return b.toByteArray();
    }

    private static void secure(HttpExchange ex) {
        var h = ex.getResponseHeaders();
        h.set("Content-Security-Policy", CSP);
        h.set("X-Content-Type-Options", "nosniff");
        h.set("X-Frame-Options", "DENY");
        h.set("Referrer-Policy", "no-referrer");
        h.set("Cache-Control", "no-store");
    }

    private static void serveStatic(HttpExchange ex, String name) throws IOException {
        try (InputStream in = ClassServer.class.getResourceAsStream("web/" + name)) {
            if (in == null) {
                error(ex, 404, "not found");
                return;
            }
            byte[] bytes = in.readAllBytes();
            String type = name.endsWith(".js") ? "text/javascript" : name.endsWith(".css") ? "text/css" : "text/html";
            ex.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
            ex.sendResponseHeaders(200, bytes.length);
            ex.getResponseBody().write(bytes);
        }
    }

    private static void json(HttpExchange ex, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    private static void error(HttpExchange ex, int status, String message) throws IOException {
        JsonObject o = new JsonObject();
        o.addProperty("error", message);
        json(ex, status, o.toString());
    }
}
