package de.amtsweg.platform.web;

import java.util.List;

import jakarta.servlet.DispatcherType;

import de.amtsweg.platform.MunicipalityContext;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	private final MunicipalityContext context;

	WebConfiguration(MunicipalityContext context) {
		this.context = context;
	}

	/**
	 * Takes the place of Spring Boot's link rewriting for Thymeleaf (same filter type, so
	 * Boot's steps back), see {@link WebJarLinks}.
	 */
	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> webJarLinks() {
		FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(
				new WebJarLinks());
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
		return registration;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new MunicipalityArgumentResolver(this.context));
	}

}
