/**
 * The HTTP API, version 1, on Javalin: {@code Routes} wires paths to handlers and the concerns that run
 * around every request (ids and the access log, the token, CORS, the staff page); handlers only translate
 * between HTTP and the {@link cn.jixiao.forms.FormService}; every failure becomes a status and a JSON body in
 * one place, {@code ErrorResponses}, and the OpenAPI description is derived from the same schemas and error
 * kinds the code uses.
 */
package cn.jixiao.forms.http;
