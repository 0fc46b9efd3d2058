namespace WorkersHome.Platform.Errors;

/// <summary>One wording for every money field: missing, and out of range or with more than two decimals, are told apart.</summary>
public static class AmountRules
{
    /// <summary>Adds the field's error and returns false unless <paramref name="value"/> is a positive amount up to <paramref name="max"/> yuan with at most two decimals.</summary>
    public static bool CheckAmount(this FieldErrors errors, string field, decimal? value, string zh, string en, decimal max)
    {
        if (value is null)
        {
            errors.Add(field, $"请填写{zh}（元）", $"Enter the {en} (yuan)");
            return false;
        }

        if (value is not > 0 || value > max || decimal.Round(value.Value, 2) != value)
        {
            errors.Add(field, $"{zh}应为不超过 {max:0} 元的正数，最多两位小数", $"The {en} must be a positive amount of at most {max:0} yuan, with two decimals at most");
            return false;
        }

        return true;
    }
}