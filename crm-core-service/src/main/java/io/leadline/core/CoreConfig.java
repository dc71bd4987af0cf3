package io.leadline.core;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of crm-core-service itself. */
@ConfigMapping(prefix = "leadline.core")
public interface CoreConfig {

    /** Base URL of the web app, used to build each object's {@code html_url}. */
    @WithDefault("http://localhost:8080/app")
    String appUrl();
}
