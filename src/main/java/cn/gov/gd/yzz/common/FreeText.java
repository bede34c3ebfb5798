package cn.gov.gd.yzz.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a text field of a request body that may span lines (comments, descriptions, PEM keys): tab, line feed and
 * carriage return are allowed in it. Every other text field is one line. No field takes other control characters
 * ({@link TextRules}).
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface FreeText {
}
