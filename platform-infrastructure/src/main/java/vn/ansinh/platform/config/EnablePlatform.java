package vn.ansinh.platform.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;

/** Put on a service's application class to get the platform's event, web, security and health wiring. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Import(PlatformConfiguration.class)
public @interface EnablePlatform {
}
