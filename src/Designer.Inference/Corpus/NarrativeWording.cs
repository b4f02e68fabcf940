using System.Text;

namespace Designer.Inference.Corpus;

/// <summary>
/// Synonym slots of the narrative templates: the same complaint worded the ways customers word it ("arrived broken",
/// "came damaged", "turned up cracked"; "coffee machine", "espresso maker"). Slots are filled from a wording stream
/// of their own, so varying the wording never shifts the facts, labels or risk phrases drawn from the main stream.
/// No slot contains a <see cref="NarrativeSignals"/> stem.
/// </summary>
internal static class NarrativeWording
{
    public static readonly IReadOnlyDictionary<string, string[]> Slots = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["withoutConsent"] = ["without my consent", "without my permission", "without asking me", "without any approval from me"],
        ["neverArrived"] = ["it never arrived", "it never came", "it was never delivered", "it never turned up", "it never showed up"],
        ["notDelivered"] = ["has not been delivered", "has not arrived", "has not turned up", "has still not come"],
        ["neverShowedUp"] = ["never showed up", "never arrived", "never came", "was never delivered", "never turned up"],
        ["markedDelivered"] = ["was marked delivered but nothing came", "shows as delivered but never reached me", "was tracked as delivered yet I got nothing"],
        ["billedTwice"] = ["billed me twice", "charged me twice", "debited me twice", "took payment twice"],
        ["twoCharges"] = ["two identical charges", "two matching debits", "the same charge twice", "a duplicate charge"],
        ["wentThroughTwice"] = ["went through two times", "was taken twice", "was processed twice", "was duplicated"],
        ["doubleCharged"] = ["double charged", "double billed", "charged double", "billed two times"],
        ["arrivedBroken"] = ["arrived broken", "came damaged", "was delivered smashed", "turned up cracked", "arrived defective", "showed up faulty"],
        ["notAsDescribed"] = ["is nothing like the description", "is not as described", "looks nothing like the listing", "is not what was advertised"],
        ["stoppedWorking"] = ["stopped working", "broke down", "died", "gave up", "packed in"],
        ["damaged"] = ["damaged", "defective", "faulty", "broken", "cracked"],
        ["cancelledSubscription"] = ["cancelled my subscription", "ended my membership", "terminated my plan", "stopped my recurring plan"],
        ["freeTrial"] = ["free trial", "trial period", "trial offer", "introductory trial"],
        ["fee"] = ["fee", "surcharge", "service charge", "admin fee"],
        ["neverExplained"] = ["was never explained to me", "was never mentioned", "came with no explanation", "is a mystery to me"],
    };

    /// <summary>Surface forms of each item, as (with article, bare) pairs; the first is the canonical one.</summary>
    public static readonly IReadOnlyDictionary<string, (string Item, string Thing)[]> ItemForms = new Dictionary<string, (string, string)[]>(StringComparer.Ordinal)
    {
        ["laptop"] = [("a laptop", "laptop"), ("a notebook computer", "notebook computer"), ("a notebook PC", "notebook PC")],
        ["headphones"] = [("headphones", "headphones"), ("earphones", "earphones"), ("a headset", "headset")],
        ["winter coat"] = [("a winter coat", "winter coat"), ("a parka", "parka"), ("a winter jacket", "winter jacket")],
        ["concert tickets"] = [("concert tickets", "concert tickets"), ("gig tickets", "gig tickets"), ("show tickets", "show tickets")],
        ["coffee machine"] = [("a coffee machine", "coffee machine"), ("an espresso maker", "espresso maker"), ("a coffee maker", "coffee maker")],
        ["running shoes"] = [("running shoes", "running shoes"), ("trainers", "trainers"), ("sneakers", "sneakers")],
        ["phone case"] = [("a phone case", "phone case"), ("a phone cover", "phone cover"), ("a mobile case", "mobile case")],
        ["flight booking"] = [("a flight", "flight booking"), ("a plane ticket", "plane ticket"), ("an airfare", "airfare")],
        ["hotel booking"] = [("a hotel booking", "hotel booking"), ("a hotel reservation", "hotel reservation"), ("a room reservation", "room reservation")],
        ["furniture"] = [("furniture", "furniture"), ("a sofa", "sofa"), ("an armchair", "armchair")],
        ["gift card"] = [("a gift card", "gift card"), ("a gift voucher", "gift voucher"), ("a store voucher", "store voucher")],
        ["watch"] = [("a watch", "watch"), ("a wristwatch", "wristwatch"), ("a timepiece", "timepiece")],
        ["groceries"] = [("groceries", "groceries"), ("a grocery order", "grocery order"), ("a food delivery", "food delivery")],
    };

    /// <summary>Fills every <c>{slot}</c> of <paramref name="template"/> that names a synonym slot.</summary>
    public static string Fill(string template, DeterministicRandom wording)
    {
        var text = new StringBuilder(template);
        foreach (var (slot, options) in Slots)
        {
            var token = "{" + slot + "}";
            if (template.Contains(token, StringComparison.Ordinal))
            {
                text.Replace(token, wording.Pick(options));
            }
        }

        return text.ToString();
    }
}
