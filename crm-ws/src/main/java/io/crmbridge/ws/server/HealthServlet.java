package io.crmbridge.ws.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmbridge.backend.CrmBackend;
import io.crmbridge.backend.DatabaseHealth;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /health}: 200 with the database's state when it answers, 503 when it does not. No authentication. */
final class HealthServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final transient CrmBackend backend;

    HealthServlet(CrmBackend backend) {
        this.backend = backend;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        DatabaseHealth health = backend.health();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", health.up() ? "UP" : "DOWN");
        body.put("database", health.database());
        body.put("detail", health.detail());
        body.put("queuedSubmissions", health.queuedSubmissions());
        response.setStatus(health.up() ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        JSON.writeValue(response.getOutputStream(), body);
    }
}
