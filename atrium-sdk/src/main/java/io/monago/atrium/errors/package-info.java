/**
 * Exceptions the SDK throws, all unchecked and rooted at {@link io.monago.atrium.errors.AtriumException}.
 *
 * <p>Policy blocks raise {@link io.monago.atrium.errors.PolicyBlockedException} or one of its
 * subclasses, carrying the audit id and the block reason; the classification follows docs/protocol.md §4
 * exactly, so the Java and Python SDKs report the same thing for the same answer.
 */
package io.monago.atrium.errors;
