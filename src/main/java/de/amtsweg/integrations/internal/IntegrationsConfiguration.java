package de.amtsweg.integrations.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Settings of the integration with specialist systems. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IntegrationsProperties.class)
class IntegrationsConfiguration {

}
