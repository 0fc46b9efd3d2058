using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

using WorkersHome.Platform.Localization;

namespace WorkersHome.Platform.Errors;

/// <summary>
/// Configured once for every page: a value the binder cannot read becomes a message that names the field and says
/// what is wrong ("医疗费用总额不是有效的数字：“abc”"), instead of the framework's English text — or, once a page has
/// dropped it, the use case's "请填写…" for a field the user did fill in.
/// </summary>
public sealed class BindingMessages : IBindingMetadataProvider
{
    private static readonly HashSet<Type> Numbers = [typeof(decimal), typeof(double), typeof(float), typeof(int), typeof(long), typeof(short)];

    public void CreateBindingMetadata(BindingMetadataProviderContext context)
    {
        if (context.Key.MetadataKind != ModelMetadataKind.Property && context.Key.MetadataKind != ModelMetadataKind.Parameter)
        {
            return;
        }

        var named = context.PropertyAttributes?.OfType<FieldNameAttribute>().FirstOrDefault()
            ?? context.ParameterAttributes?.OfType<FieldNameAttribute>().FirstOrDefault();
        var zh = named?.Zh ?? context.Key.Name ?? "";
        var en = named?.En ?? context.Key.Name ?? "";
        var type = Nullable.GetUnderlyingType(context.Key.ModelType) ?? context.Key.ModelType;
        var number = Numbers.Contains(type);
        var messages = context.BindingMetadata.ModelBindingMessageProvider is DefaultModelBindingMessageProvider current
            ? new DefaultModelBindingMessageProvider(current)
            : new DefaultModelBindingMessageProvider();
        messages.SetAttemptedValueIsInvalidAccessor((value, _) => number
            ? Loc.T($"{zh}不是有效的数字：“{value}”", $"{en} is not a valid number: \"{value}\"")
            : Loc.T($"{zh}格式有误：“{value}”", $"{en} is not valid: \"{value}\""));
        messages.SetValueMustBeANumberAccessor(_ => Loc.T($"{zh}应为数字", $"{en} must be a number"));
        context.BindingMetadata.ModelBindingMessageProvider = messages;
    }
}