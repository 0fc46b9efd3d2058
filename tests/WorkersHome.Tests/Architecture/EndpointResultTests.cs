using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

using WorkersHome.Platform.Security;
using WorkersHome.Testing;

namespace WorkersHome.Tests.Architecture;

/// <summary>
/// Every API endpoint says what it answers: its success type (or file content type) is in the endpoint's metadata, hence in
/// the OpenAPI document, from a typed result, a returned record, or an explicit Produces.
/// </summary>
public sealed class EndpointResultTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public void Every_api_endpoint_declares_its_success_response()
    {
        var endpoints = fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true
                && e.RoutePattern.RawText?.StartsWith("/api/openapi", StringComparison.Ordinal) != true
                // Scalar's reference page and its bundle: the documentation's own files, not part of the API it documents.
                && e.RoutePattern.RawText?.StartsWith(SecurityHeaders.ApiDocsPath + "/", StringComparison.Ordinal) != true)
            .ToList();
        endpoints.Count.ShouldBeGreaterThan(100);
        var undeclared = endpoints
            .Where(e => !e.Metadata.OfType<IProducesResponseTypeMetadata>().Any(p => p.StatusCode is >= 200 and < 400))
            .Select(e => $"{string.Join(',', e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])} {e.RoutePattern.RawText}")
            .ToList();
        undeclared.ShouldBeEmpty($"{undeclared.Count} of {endpoints.Count} endpoints declare no success response");
    }
}