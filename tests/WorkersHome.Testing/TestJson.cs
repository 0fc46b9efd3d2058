using System.Text.Json;
using System.Text.Json.Serialization;

namespace WorkersHome.Testing;

/// <summary>The API's JSON as tests read and write it: web defaults (camelCase, case-insensitive) with enums by name.</summary>
public static class TestJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
}