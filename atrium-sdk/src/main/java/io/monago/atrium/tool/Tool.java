package io.monago.atrium.tool;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public method as a tool a model may call. {@link Tools#from(Object)} turns every marked
 * method of an object into a {@link FunctionTool}; the JSON Schema of its arguments is derived from
 * the parameter types.
 *
 * <pre>{@code
 * final class PatientTools {
 *     @Tool("Finds a patient by medical record number")
 *     public Patient lookupPatient(@Param(name = "mrn", value = "medical record number") String mrn) {
 *         return registry.find(mrn);
 *     }
 * }
 * List<FunctionTool> tools = Tools.from(new PatientTools());
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Tool {

    /**
     * What the tool does, for the model.
     *
     * @return the description
     */
    String value();

    /**
     * The tool's name as the model sees it.
     *
     * @return the name; empty (the default) takes the method's name in snake case
     */
    String name() default "";

    /**
     * Whether each call needs the run's {@link io.monago.atrium.agent.ApprovalHandler} to approve it.
     *
     * @return true when approval is required
     */
    boolean requiresApproval() default false;
}
