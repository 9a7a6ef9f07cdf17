package io.monago.atrium.guard.pii.recognizer;

import io.monago.atrium.guard.pii.entity.EntityType;
import java.util.Optional;

/**
 * Recognises one entity type among compound tokens: runs that mix letters with digits or join them
 * with {@code _ - . / + =}, such as {@code AKIAIOSFODNN7EXAMPLE}, {@code DE89 3704...},
 * {@code A1234567} or {@code RM-2023-001234}. A token that no recogniser claims is skipped whole,
 * so the digits inside hashes, UUIDs and order codes are never taken for numbers.
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface TokenRecognizer {
    /**
     * The type this recogniser finds.
     *
     * @return the entity type
     */
    EntityType type();

    /**
     * Checks one token.
     *
     * @param text the folded text; read only
     * @param start offset of the token's first character
     * @param end offset after the token's last character
     * @param context the context words around the token
     * @return a match, which may extend past {@code end} (an IBAN written in groups of four), or
     *     empty
     */
    Optional<Match> recognize(char[] text, int start, int end, Context context);
}
