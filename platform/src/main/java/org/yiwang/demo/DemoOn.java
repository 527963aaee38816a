package org.yiwang.demo;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;

/**
 * Every bean of the demo module carries this: {@code yiwang.demo=false} (production) leaves the whole module out of the
 * application. Another module's demo runner ({@code org.yiwang.demo.<Module>Demo}) puts it on too.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnBooleanProperty(name = "yiwang.demo", matchIfMissing = true)
public @interface DemoOn {
}
