namespace WorkersHome.Modules.Cards.Tokens;

public sealed class CardOptions
{
    /// <summary>
    /// ECDSA P-256 signing keys by key id (1–8 letters or digits), each a base64 PKCS#8 private key. Every key listed
    /// is published for verification; only <see cref="ActiveSigningKeyId"/> signs. Rotate by adding a key, making it
    /// active, and removing the old one once its tokens have expired and merchants have refreshed their key cache.
    /// Never stored in the database.
    /// </summary>
    public Dictionary<string, string> SigningKeys { get; set; } = [];

    public string ActiveSigningKeyId { get; set; } = "";

    /// <summary>How long a QR token stays valid; the card page fetches a new one every 30 seconds.</summary>
    public int TokenSeconds { get; set; } = 60;

    /// <summary>Card number prefix (BIN-like, 4–10 digits) by province code, e.g. "41" → "62178641".</summary>
    public Dictionary<string, string> NumberPrefixes { get; set; } = [];

    /// <summary>Prefix for a province with none of its own: this one followed by the province's two-digit code.</summary>
    public string DefaultNumberPrefix { get; set; } = "6288";

    /// <summary>Banks that issue co-branded cards (联名卡) with the union in this installation; configured names add to these.</summary>
    public List<string> CoBrandedBanks { get; set; } = ["中国工商银行", "中国农业银行", "中国银行", "中国建设银行", "交通银行", "中国邮政储蓄银行", "中原银行", "郑州银行"];
}