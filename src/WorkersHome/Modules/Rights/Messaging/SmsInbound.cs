using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace WorkersHome.Modules.Rights.Messaging;

public sealed class SmsInboundOptions
{
    public const string Section = "Rights:Sms";

    /// <summary>The secret the SMS gateway sends in <see cref="GenericSmsGateway.SecretHeader"/>; without it the endpoint answers 404.</summary>
    public string? InboundSecret { get; set; }
}

/// <summary>A text message a member sent to the hotline's number, as the gateway reports it.</summary>
public sealed record InboundSms(string MessageId, string Phone, string Text, DateTimeOffset? SentAt);

/// <summary>The port through which SMS gateways deliver the member's messages: each gateway's format is an adapter.</summary>
public interface ISmsInbound
{
    bool IsConfigured { get; }

    /// <summary>Whether the request comes from the gateway.</summary>
    bool Authenticates(HttpRequest request);

    /// <summary>The message, or null when the request does not carry one.</summary>
    Task<InboundSms?> ReadAsync(HttpRequest request, CancellationToken ct);
}

/// <summary>
/// A generic gateway's callback: JSON or a form with from, text, messageId and timestamp (Unix seconds), authenticated
/// by a shared secret in a header, compared in constant time.
/// </summary>
public sealed class GenericSmsGateway(IOptions<SmsInboundOptions> options) : ISmsInbound
{
    public const string SecretHeader = "X-Gateway-Secret";

    private const int MaxBodyBytes = 16 * 1024;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.InboundSecret);

    public bool Authenticates(HttpRequest request)
    {
        var sent = request.Headers[SecretHeader].ToString();
        // Hashing both sides first makes the comparison's time independent of the lengths too.
        return IsConfigured && sent.Length > 0 && CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(sent)), SHA256.HashData(Encoding.UTF8.GetBytes(options.Value.InboundSecret!)));
    }

    public async Task<InboundSms?> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (await MessageBody.ReadAsync(request, MaxBodyBytes, ct) is not { } body)
        {
            return null;
        }

        Dictionary<string, string?> fields;
        if (request.HasFormContentType)
        {
            fields = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body))
                .ToDictionary(f => f.Key, f => (string?)f.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        }
        else if (request.HasJsonContentType())
        {
            try
            {
                using var json = JsonDocument.Parse(body);
                if (json.RootElement.ValueKind != JsonValueKind.Object)
                {
                    return null;
                }

                fields = json.RootElement.EnumerateObject().GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key,
                    g => g.Last().Value.ValueKind == JsonValueKind.String ? g.Last().Value.GetString() : g.Last().Value.GetRawText(),
                    StringComparer.OrdinalIgnoreCase);
            }
            catch (JsonException)
            {
                return null;
            }
        }
        else
        {
            return null;
        }

        var id = fields.GetValueOrDefault("messageId")?.Trim();
        var phone = Normalize(fields.GetValueOrDefault("from"));
        var text = fields.GetValueOrDefault("text");
        if (string.IsNullOrEmpty(id) || id.Length > 100 || phone is null || string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        DateTimeOffset? sentAt = long.TryParse(fields.GetValueOrDefault("timestamp"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            && seconds < 100_000_000_000 ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
        return new(id, phone, text, sentAt);
    }

    /// <summary>Gateways write a mainland mobile number with or without the country code.</summary>
    private static string? Normalize(string? phone)
    {
        var digits = phone?.Trim().TrimStart('+');
        if (digits is { Length: 13 } && digits.StartsWith("86", StringComparison.Ordinal))
        {
            digits = digits[2..];
        }

        return Platform.Privacy.MobileNumber.IsValid(digits) ? digits : null;
    }
}