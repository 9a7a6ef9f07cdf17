package io.monago.atrium.guard.pii.recognizer.builtin;

import io.monago.atrium.guard.pii.entity.EntityType;
import io.monago.atrium.guard.pii.recognizer.Context;
import io.monago.atrium.guard.pii.recognizer.Match;
import io.monago.atrium.guard.pii.recognizer.TokenRecognizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * API keys and tokens that announce themselves by prefix. A prefix alone is not enough: the body
 * after it must be long enough and drawn from the provider's alphabet.
 *
 * <table>
 *   <caption>Prefixes</caption>
 *   <tr><th>rule</th><th>prefix</th><th>body</th></tr>
 *   <tr><td>{@code secret.anthropic}</td><td>{@code sk-ant-}</td><td>20+ of {@code A-Za-z0-9_-}</td></tr>
 *   <tr><td>{@code secret.openai}</td><td>{@code sk-} (also {@code sk-proj-}, {@code sk-mng-})</td><td>20+ of {@code A-Za-z0-9_-}, letters and digits mixed, or 32+</td></tr>
 *   <tr><td>{@code secret.stripe}</td><td>{@code sk_live_ sk_test_ rk_live_ rk_test_}</td><td>16+ alphanumeric</td></tr>
 *   <tr><td>{@code secret.github}</td><td>{@code ghp_ gho_ ghu_ ghs_ ghr_}, {@code github_pat_}</td><td>30+ alphanumeric, 22+ of {@code A-Za-z0-9_}</td></tr>
 *   <tr><td>{@code secret.gitlab}</td><td>{@code glpat-}</td><td>20+ of {@code A-Za-z0-9_-}</td></tr>
 *   <tr><td>{@code secret.slack}</td><td>{@code xoxb- xoxp- xoxa- xoxr- xoxs- xoxe- xapp-}</td><td>10+ of {@code A-Za-z0-9-}</td></tr>
 *   <tr><td>{@code secret.aws-access-key}</td><td>{@code AKIA ASIA}</td><td>exactly 16 of {@code A-Z0-9}</td></tr>
 *   <tr><td>{@code secret.google-api-key}</td><td>{@code AIza}</td><td>exactly 35 of {@code A-Za-z0-9_-}</td></tr>
 *   <tr><td>{@code secret.huggingface}</td><td>{@code hf_}</td><td>30+ alphanumeric</td></tr>
 *   <tr><td>{@code secret.npm}</td><td>{@code npm_}</td><td>36 alphanumeric</td></tr>
 *   <tr><td>{@code secret.groq}</td><td>{@code gsk_}</td><td>40+ alphanumeric</td></tr>
 *   <tr><td>{@code secret.sendgrid}</td><td>{@code SG.}</td><td>20+ of {@code A-Za-z0-9_-.}</td></tr>
 * </table>
 * Confidence 0.99.
 */
public final class SecretPrefixRecognizer implements TokenRecognizer {
    private static final int ALNUM = 1;
    private static final int ALNUM_DASH_UNDERSCORE = 2;
    private static final int ALNUM_UNDERSCORE = 3;
    private static final int ALNUM_DASH = 4;
    private static final int UPPER_DIGIT = 5;
    private static final int ALNUM_DASH_UNDERSCORE_DOT = 6;

    private record Rule(String prefix, int minBody, int maxBody, int alphabet, boolean mixed, String name) {}

    @SuppressWarnings("unchecked")
    private final List<Rule>[] byFirstChar = (List<Rule>[]) new List<?>[128];

    /** Creates the recogniser with the prefixes listed above. */
    public SecretPrefixRecognizer() {
        add(new Rule("sk-ant-", 20, 0, ALNUM_DASH_UNDERSCORE, false, "secret.anthropic"));
        add(new Rule("sk-", 20, 0, ALNUM_DASH_UNDERSCORE, true, "secret.openai"));
        for (String p : new String[] {"sk_live_", "sk_test_", "rk_live_", "rk_test_"}) {
            add(new Rule(p, 16, 0, ALNUM, false, "secret.stripe"));
        }
        for (String p : new String[] {"ghp_", "gho_", "ghu_", "ghs_", "ghr_"}) {
            add(new Rule(p, 30, 0, ALNUM, false, "secret.github"));
        }
        add(new Rule("github_pat_", 22, 0, ALNUM_UNDERSCORE, false, "secret.github"));
        add(new Rule("glpat-", 20, 0, ALNUM_DASH_UNDERSCORE, false, "secret.gitlab"));
        for (String p : new String[] {"xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-", "xoxe-", "xapp-"}) {
            add(new Rule(p, 10, 0, ALNUM_DASH, false, "secret.slack"));
        }
        add(new Rule("AKIA", 16, 16, UPPER_DIGIT, false, "secret.aws-access-key"));
        add(new Rule("ASIA", 16, 16, UPPER_DIGIT, false, "secret.aws-access-key"));
        add(new Rule("AIza", 35, 35, ALNUM_DASH_UNDERSCORE, false, "secret.google-api-key"));
        add(new Rule("hf_", 30, 0, ALNUM, false, "secret.huggingface"));
        add(new Rule("npm_", 36, 36, ALNUM, false, "secret.npm"));
        add(new Rule("gsk_", 40, 0, ALNUM, false, "secret.groq"));
        add(new Rule("SG.", 20, 0, ALNUM_DASH_UNDERSCORE_DOT, false, "secret.sendgrid"));
    }

    private void add(Rule rule) {
        char first = rule.prefix().charAt(0);
        if (byFirstChar[first] == null) {
            byFirstChar[first] = new ArrayList<>();
        }
        byFirstChar[first].add(rule);
    }

    /**
     * Whether a token starting with this character could carry a known prefix. The scanner asks
     * before treating {@code word-...} as a compound token.
     *
     * @param c the token's first character
     * @return true when some prefix starts with it
     */
    public boolean mayStart(char c) {
        return c < 128 && byFirstChar[c] != null;
    }

    @Override
    public EntityType type() {
        return EntityType.SECRET;
    }

    @Override
    public Optional<Match> recognize(char[] t, int start, int end, Context context) {
        char first = t[start];
        if (first >= 128 || byFirstChar[first] == null) {
            return Optional.empty();
        }
        for (Rule rule : byFirstChar[first]) {
            if (!startsWith(t, start, rule.prefix())) {
                continue;
            }
            int bodyStart = start + rule.prefix().length();
            int p = bodyStart;
            boolean letter = false;
            boolean digit = false;
            // The body may run past the token: a key can end in '-', which the scanner trims off tokens.
            while (p < t.length && inAlphabet(t[p], rule.alphabet())) {
                letter |= Character.isLetter(t[p]);
                digit |= t[p] >= '0' && t[p] <= '9';
                p++;
            }
            while (p > bodyStart && t[p - 1] == '.') {
                p--;
            }
            int body = p - bodyStart;
            boolean longEnough = body >= rule.minBody() && (rule.maxBody() == 0 || body == rule.maxBody());
            boolean random = !rule.mixed() || (letter && digit) || body >= 32;
            if (longEnough && random) {
                return Optional.of(new Match(EntityType.SECRET, start, p, 0.99, rule.name()));
            }
            return Optional.empty(); // the longest matching prefix decides
        }
        return Optional.empty();
    }

    private static boolean startsWith(char[] t, int start, String prefix) {
        if (t.length - start < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (t[start + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean inAlphabet(char c, int alphabet) {
        boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        return switch (alphabet) {
            case ALNUM -> alnum;
            case ALNUM_DASH_UNDERSCORE -> alnum || c == '-' || c == '_';
            case ALNUM_UNDERSCORE -> alnum || c == '_';
            case ALNUM_DASH -> alnum || c == '-';
            case UPPER_DIGIT -> (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            case ALNUM_DASH_UNDERSCORE_DOT -> alnum || c == '-' || c == '_' || c == '.';
            default -> false;
        };
    }
}
