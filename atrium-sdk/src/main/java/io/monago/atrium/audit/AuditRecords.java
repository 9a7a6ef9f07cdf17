package io.monago.atrium.audit;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every record an audit search matches, newest first, fetched a page at a time as iteration reaches
 * it: a search over a year of records holds one page in memory. Each iteration starts from the
 * first page again.
 *
 * <pre>{@code
 * client.audit().list(params).stream().filter(r -> r.costIdr().orElse(0) > 100).count();
 * }</pre>
 */
public final class AuditRecords implements Iterable<AuditRecord> {

    private final AuditListParams params;
    private final Function<AuditListParams, AuditPage> fetch;

    /**
     * Creates the view.
     *
     * @param params the filters
     * @param fetch reads one page
     */
    public AuditRecords(AuditListParams params, Function<AuditListParams, AuditPage> fetch) {
        this.params = params;
        this.fetch = fetch;
    }

    @Override
    public Iterator<AuditRecord> iterator() {
        return new Iterator<>() {
            private AuditPage page = fetch.apply(params);
            private int next;

            @Override
            public boolean hasNext() {
                while (next == page.data().size() && page.nextCursor().isPresent()) {
                    page = fetch.apply(params.withCursor(page.nextCursor().get()));
                    next = 0;
                }
                return next < page.data().size();
            }

            @Override
            public AuditRecord next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.data().get(next++);
            }
        };
    }

    /** {@return the records as a sequential stream, fetched as it is consumed} */
    public Stream<AuditRecord> stream() {
        return StreamSupport.stream(spliterator(), false);
    }
}
