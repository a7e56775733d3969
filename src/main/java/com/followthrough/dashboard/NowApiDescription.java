package com.followthrough.dashboard;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The "now" answer's tiles in the API description ({@code /v3/api-docs}): they are named by their figures
 * ({@link OpenFigure#tile}) rather than by fields of {@link Figures.Now}, so the description lists them from there.
 */
@Component
class NowApiDescription implements OpenApiCustomizer {

    @Override
    public void customise(OpenAPI api) {
        if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
            return;
        }
        Schema<?> now = api.getComponents().getSchemas().get(Figures.Now.class.getSimpleName());
        if (now == null) {
            return;
        }
        for (OpenFigure figure : OpenFigure.values()) {
            if (figure.tile() != null) {
                now.addProperty(figure.tile(),
                        new Schema<>().$ref("#/components/schemas/" + Figures.Count.class.getSimpleName()));
            }
        }
    }
}
