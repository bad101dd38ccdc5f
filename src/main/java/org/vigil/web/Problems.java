package org.vigil.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/** Builds RFC 9457 problem details, and writes them where no MVC handler runs (filters, security). */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    public static List<Map<String, Object>> errors(List<FieldProblem> problems) {
        return problems.stream()
                .map(p -> {
                    Map<String, Object> error = new LinkedHashMap<>();
                    error.put("field", p.field());
                    error.put("pointer", p.pointer());
                    error.put("detail", p.detail());
                    if (p.position() != null) {
                        error.put("line", p.position().line());
                        error.put("column", p.position().column());
                        error.put("offset", p.position().offset());
                    }
                    return error;
                })
                .toList();
    }

    /** Writes a problem straight to the servlet response. */
    public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
            String title, String detail) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", URI.create(request.getRequestURI()).toString());
        response.setStatus(status.value());
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), body);
    }
}
