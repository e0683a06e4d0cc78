package de.amtsweg.platform.web;

import java.util.List;

import de.amtsweg.platform.MunicipalityContext;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	private final MunicipalityContext context;

	WebConfiguration(MunicipalityContext context) {
		this.context = context;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new MunicipalityArgumentResolver(this.context));
	}

}
