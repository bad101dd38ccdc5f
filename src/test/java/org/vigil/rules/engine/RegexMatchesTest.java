package org.vigil.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelRuntime;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RegexMatchesTest {

    private static final Cel STANDARD_CEL =
            CelFactory.plannerCelBuilder()
                    .addVar("text", SimpleType.STRING)
                    .addVar("regex", SimpleType.STRING)
                    .setResultType(SimpleType.BOOL)
                    .build();

    private static final RegexMatches MATCHES = new RegexMatches(RuleCompiler.MAX_REGEX_PROGRAM_SIZE);

    static Stream<Arguments> textsAndPatterns() {
        return Stream.of(
                Arguments.of("pt-BR", "pt"),
                Arguments.of("pt-BR", "^pt"),
                Arguments.of("pt-BR", "BR$"),
                Arguments.of("pt-BR", "^br"),
                Arguments.of("pt-BR", "(?i)^PT-br$"),
                Arguments.of("pt-BR", "^[a-z]{2}-[A-Z]{2}$"),
                Arguments.of("en", "^[a-z]{2}-[A-Z]{2}$"),
                Arguments.of("self_harm", "harm"),
                Arguments.of("", "^$"),
                Arguments.of("abc", ""),
                Arguments.of("h\u00e9llo w\u00f6rld", "w.rld"),
                Arguments.of("a\nb", "^b"),
                Arguments.of("a\nb", "(?m)^b"),
                Arguments.of("a".repeat(40) + "!", "(a+)+$"));
    }

    @ParameterizedTest(name = "\"{0}\".matches(\"{1}\")")
    @MethodSource("textsAndPatterns")
    void matchesLikeTheStandardCelFunction(String text, String regex) throws Exception {
        CelRuntime.Program standard =
                STANDARD_CEL.createProgram(STANDARD_CEL.compile("text.matches(regex)").getAst());
        boolean expected = (Boolean) standard.eval(Map.of("text", text, "regex", regex));

        assertThat(MATCHES.matches(text, regex)).isEqualTo(expected);
        assertThat(MATCHES.matches(text, regex)).as("from the kept pattern").isEqualTo(expected);
    }
}
