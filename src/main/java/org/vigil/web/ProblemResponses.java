package org.vigil.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Turns every failure of an API call into an RFC 9457 {@code application/problem+json} answer.
 * Field-level problems are listed under {@code errors}, each with the dotted {@code field} and its
 * JSON {@code pointer}, as RFC 9457's own example does.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Object> invalid(InvalidInputException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid request", e.getMessage());
        problem.setProperty("errors", Problems.errors(e.problems()));
        return answer(problem, request);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException e, HttpServletRequest request) {
        return answer(Problems.of(HttpStatus.NOT_FOUND, "Not found", e.getMessage()), request);
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<Object> forbidden(ForbiddenException e, HttpServletRequest request) {
        return answer(Problems.of(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage()), request);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Object> conflict(ConflictException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "Conflict", e.getMessage());
        if (e.field() != null) {
            problem.setProperty("errors", Problems.errors(List.of(new FieldProblem(e.field(), e.getMessage()))));
        }
        return answer(problem, request);
    }

    @ExceptionHandler(UnavailableException.class)
    ResponseEntity<Object> unavailable(UnavailableException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Unavailable", e.getMessage());
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(problem.getStatus())
                .header(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfter().toSeconds()))
                .body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> badParameter(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        String detail = "has the wrong type (expected " + (e.getRequiredType() == null ? "another type"
                : e.getRequiredType().getSimpleName().toLowerCase()) + ")";
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "Invalid parameter", e.getName() + " " + detail);
        problem.setProperty("errors", Problems.errors(List.of(new FieldProblem(e.getName(), detail))));
        return answer(problem, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return answer(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "The request failed on the server; nothing was stored. It has been logged."), request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = "";
        String detail = "The request body is missing or is not valid JSON";
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException tooLarge) {
                ProblemDetail problem = Problems.of(HttpStatus.CONTENT_TOO_LARGE, "Request too large",
                        tooLarge.getMessage());
                return handleExceptionInternal(e, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
            }
        }
        if (e.getCause() instanceof JacksonException jackson) {
            field = path(jackson.getPath());
            detail = describe(jackson, field);
        }
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "Malformed request body", detail);
        problem.setProperty("errors", Problems.errors(List.of(new FieldProblem(field, detail))));
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "Missing parameter",
                e.getParameterName() + " is required");
        problem.setProperty("errors", Problems.errors(List.of(new FieldProblem(e.getParameterName(), "is required"))));
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        HttpHeaders problemHeaders = new HttpHeaders();
        problemHeaders.addAll(headers);
        problemHeaders.set(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE);
        return new ResponseEntity<>(body, problemHeaders, status);
    }

    private static ResponseEntity<Object> answer(ProblemDetail problem, HttpServletRequest request) {
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(problem.getStatus())
                .header(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE)
                .body(problem);
    }

    private static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describe(JacksonException e, String field) {
        String original = e.getOriginalMessage();
        String first = original == null ? "unreadable" : original.lines().findFirst().orElse("unreadable");
        if (first.length() > 300) {
            first = first.substring(0, 300) + "…";
        }
        return field.isEmpty() ? "The request body is not valid JSON: " + first
                : field + " has an invalid value: " + first;
    }
}
