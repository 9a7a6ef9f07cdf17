package io.monago.atrium.examples;

/** What the examples share. */
final class Examples {

    /** Environment variable naming the model the examples ask for. */
    static final String MODEL_ENV = "ATRIUM_MODEL";

    private Examples() {}

    /**
     * The model to use: {@code ATRIUM_MODEL}, else {@code gpt-5.4-mini}.
     *
     * @return the model id
     */
    static String model() {
        String model = System.getenv(MODEL_ENV);
        return model == null || model.isBlank() ? "gpt-5.4-mini" : model.trim();
    }
}
