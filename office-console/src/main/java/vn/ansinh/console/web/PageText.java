package vn.ansinh.console.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** A message of the console in the person's language, for what pages put in notices and refusals. */
@Component
public class PageText {

    private final MessageSource messages;

    public PageText(MessageSource messages) {
        this.messages = messages;
    }

    public String of(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }
}
