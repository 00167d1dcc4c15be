package cn.smartfactory.lending.platform;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * The platform refuses bad submissions from inside the engine — a task listener that enforces
 * form rules or segregation of duties throws a {@link BadUserRequestException}. The engine wraps
 * listener exceptions and Camunda's REST layer would answer 500; this mapper finds the refusal in
 * the cause chain and answers 400 with its message. Everything else is answered exactly as Camunda
 * would.
 */
final class RefusalExceptionMapper {

    private RefusalExceptionMapper() {
    }

    static Response toResponse(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof BadUserRequestException refusal) {
                ExceptionDto dto = ExceptionDto.fromException(refusal);
                return Response.status(Response.Status.BAD_REQUEST).entity(dto).type(MediaType.APPLICATION_JSON_TYPE).build();
            }
        }
        ExceptionHandlerHelper helper = ExceptionHandlerHelper.getInstance();
        return Response.status(helper.getStatus(exception)).entity(helper.fromException(exception))
                .type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    @Priority(1)
    static final class ForRestExceptions implements ExceptionMapper<RestException> {
        @Override
        public Response toResponse(RestException exception) {
            return RefusalExceptionMapper.toResponse(exception);
        }
    }

    @Priority(1)
    static final class ForEngineExceptions implements ExceptionMapper<ProcessEngineException> {
        @Override
        public Response toResponse(ProcessEngineException exception) {
            return RefusalExceptionMapper.toResponse(exception);
        }
    }
}
