/**
 * Atrium's guard: detection of PII, secrets and prompt attacks, and redaction, as pure functions.
 * No dependencies beyond {@code java.base}.
 *
 * <p>Exported: the shared vocabulary ({@code io.monago.atrium.guard}), PII scanning, policy and
 * findings ({@code pii}, {@code pii.entity}), the interfaces and checks for a deployment's own
 * recogniser ({@code pii.recognizer}, {@code pii.check}), redaction ({@code redact}), and the
 * security analysis with its categories ({@code security}, {@code security.category}), and
 * toxicity classification with its categories ({@code toxicity}, {@code toxicity.category}). Everything
 * else is internal: the scan engine and the built-in recognisers, text folding and normalisation,
 * payload decoding, the lexicon, the learned model and the suffix detector. Their data files are
 * resources of those packages, read by the guard's own classes, so they load on the module path
 * and on the class path alike.
 */
module io.monago.atrium.guard {
    exports io.monago.atrium.guard;
    exports io.monago.atrium.guard.pii;
    exports io.monago.atrium.guard.pii.check;
    exports io.monago.atrium.guard.pii.entity;
    exports io.monago.atrium.guard.pii.recognizer;
    exports io.monago.atrium.guard.redact;
    exports io.monago.atrium.guard.security;
    exports io.monago.atrium.guard.security.category;
    exports io.monago.atrium.guard.toxicity;
    exports io.monago.atrium.guard.toxicity.category;
}
