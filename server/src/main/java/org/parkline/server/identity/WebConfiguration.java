package org.parkline.server.identity;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final EndpointRoles endpointRoles;

    WebConfiguration(EndpointRoles endpointRoles) {
        this.endpointRoles = endpointRoles;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(endpointRoles).addPathPatterns("/v1/**");
    }
}
