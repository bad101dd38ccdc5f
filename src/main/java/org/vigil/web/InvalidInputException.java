package org.vigil.web;

import java.util.List;

/** The request was understood but its content is invalid; answered 422 with every field problem. */
public class InvalidInputException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super(problems.isEmpty() ? "invalid input" : problems.getFirst().field() + ": " + problems.getFirst().detail());
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(String field, String detail) {
        this(List.of(new FieldProblem(field, detail)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
