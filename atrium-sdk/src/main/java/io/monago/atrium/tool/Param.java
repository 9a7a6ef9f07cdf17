package io.monago.atrium.tool;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes a parameter of a {@link Tool} method, or a component of a record used as arguments or
 * as an agent's typed output. The description goes into the JSON Schema the model reads.
 *
 * <pre>{@code
 * record Triage(@Param("1 (resuscitation) to 5 (non-urgent)") int level, String reason) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
public @interface Param {

    /**
     * What the value means, for the model.
     *
     * @return the description; empty for none
     */
    String value() default "";

    /**
     * The parameter's name in the arguments object. Method parameter names are kept in class files
     * only when compiled with {@code -parameters}; without it, name each parameter here.
     *
     * @return the name; empty (the default) takes the parameter's compiled name
     */
    String name() default "";
}
