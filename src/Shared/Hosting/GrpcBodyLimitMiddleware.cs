using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace EdgeCloud.Shared.Hosting;

/// <summary>
/// gRPC calls are limited by the gRPC message size (which answers RESOURCE_EXHAUSTED), not by
/// Kestrel's body limit, which would abort the call as an unknown error. REST keeps Kestrel's limit (413).
/// </summary>
public static class GrpcBodyLimitMiddleware
{
    public static IApplicationBuilder UseGrpcMessageSizeLimitOnly(this IApplicationBuilder app) =>
        app.Use(static (context, next) =>
        {
            // HTTP/2 only: gRPC never runs on HTTP/1.1, so a REST request that merely claims a gRPC content type keeps its limit.
            if (HttpProtocol.IsHttp2(context.Request.Protocol)
                && context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true
                && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = null;
            }

            return next(context);
        });
}
