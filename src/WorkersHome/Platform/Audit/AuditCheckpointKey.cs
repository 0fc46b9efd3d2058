using System.Security.Cryptography;

namespace WorkersHome.Platform.Audit;

/// <summary>The checkpoint signing key from configuration (`Audit:Checkpoint:SigningKey`), and checking with its public half.</summary>
public sealed class AuditCheckpointKey
{
    private readonly ECParameters? _key;

    public AuditCheckpointKey(AuditOptions options)
    {
        KeyId = options.Checkpoint.KeyId;
        if (string.IsNullOrWhiteSpace(options.Checkpoint.SigningKey))
        {
            return;
        }

        try
        {
            using var key = ECDsa.Create();
            key.ImportPkcs8PrivateKey(Convert.FromBase64String(options.Checkpoint.SigningKey.Trim()), out _);
            if (key.KeySize != 256)
            {
                throw new InvalidOperationException("Audit:Checkpoint:SigningKey is not a P-256 key.");
            }

            _key = key.ExportParameters(includePrivateParameters: true);
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException)
        {
            throw new InvalidOperationException("Audit:Checkpoint:SigningKey is not a base64 PKCS#8 ECDSA private key.", ex);
        }
    }

    public bool Configured => _key is not null;

    public string KeyId { get; }

    /// <summary>A new key for configuration, as `audit new-key` prints it.</summary>
    public static string NewPrivateKey()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return Convert.ToBase64String(key.ExportPkcs8PrivateKey());
    }

    public void Sign(AuditCheckpoint checkpoint)
    {
        using var key = ECDsa.Create(_key ?? throw new InvalidOperationException("Configure Audit:Checkpoint:SigningKey to write checkpoints."));
        checkpoint.KeyId = KeyId;
        checkpoint.Signature = Convert.ToBase64String(key.SignData(checkpoint.SignedBytes(), HashAlgorithmName.SHA256));
    }

    /// <summary>True when this key signed the checkpoint as it reads now.</summary>
    public bool Verifies(AuditCheckpoint checkpoint)
    {
        if (_key is not { } parameters || checkpoint.KeyId != KeyId)
        {
            return false;
        }

        using var key = ECDsa.Create(new ECParameters { Curve = parameters.Curve, Q = parameters.Q });
        try
        {
            return key.VerifyData(checkpoint.SignedBytes(), Convert.FromBase64String(checkpoint.Signature), HashAlgorithmName.SHA256);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>The public key (SubjectPublicKeyInfo, base64) to hand to whoever keeps the witness copies.</summary>
    public string PublicKey()
    {
        using var key = ECDsa.Create(_key ?? throw new InvalidOperationException("Configure Audit:Checkpoint:SigningKey."));
        return Convert.ToBase64String(key.ExportSubjectPublicKeyInfo());
    }
}