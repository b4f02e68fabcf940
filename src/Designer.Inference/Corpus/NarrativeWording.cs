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
        ["neverArrived"] = ["it never arrived", "it never came", "it was never delivered", "it never turned up", "it never showed up", "it never reached me", "nothing was ever dispatched", "I am still empty-handed"],
        ["notDelivered"] = ["has not been delivered", "has not arrived", "has not turned up", "has still not come", "is nowhere to be seen", "has not reached me", "is still missing"],
        ["neverShowedUp"] = ["never showed up", "never arrived", "never came", "was never delivered", "never turned up", "never reached me", "went missing in the post", "was never dispatched"],
        ["markedDelivered"] = ["was marked delivered but nothing came", "shows as delivered but never reached me", "was tracked as delivered yet I got nothing"],
        ["billedTwice"] = ["billed me twice", "charged me twice", "debited me twice", "took payment twice", "charged me two times", "took my money twice", "collected the payment twice"],
        ["twoCharges"] = ["two identical charges", "two matching debits", "the same charge twice", "a duplicate charge", "a repeated debit", "a second identical payment", "one purchase debited two times"],
        ["wentThroughTwice"] = ["went through two times", "was taken twice", "was processed twice", "was duplicated", "was repeated", "got posted twice", "hit my account twice"],
        ["doubleCharged"] = ["double charged", "double billed", "charged double", "billed two times", "debited in duplicate", "charged in duplicate", "billed twice over"],
        ["arrivedBroken"] = ["arrived broken", "came damaged", "was delivered smashed", "turned up cracked", "arrived defective", "showed up faulty", "arrived in pieces", "came with a dent", "was unusable on arrival"],
        ["notAsDescribed"] = ["is nothing like the description", "is not as described", "looks nothing like the listing", "is not what was advertised", "does not match the photos", "is a cheap imitation", "is the wrong model"],
        ["stoppedWorking"] = ["stopped working", "broke down", "died", "gave up", "packed in", "fell apart", "malfunctioned", "quit working", "failed"],
        ["damaged"] = ["damaged", "defective", "faulty", "broken", "cracked", "dented", "torn", "scratched", "shoddy"],
        ["cancelledSubscription"] = ["cancelled my subscription", "ended my membership", "terminated my plan", "stopped my recurring plan"],
        ["freeTrial"] = ["free trial", "trial period", "trial offer", "introductory trial"],
        ["fee"] = ["fee", "surcharge", "service charge", "admin fee"],
        ["neverExplained"] = ["was never explained to me", "was never mentioned", "came with no explanation", "is a mystery to me"],
    };

    /// <summary>Surface forms of each item, as (with article, bare) pairs; the first is the canonical one.</summary>
    public static readonly IReadOnlyDictionary<string, (string Item, string Thing)[]> ItemForms = new Dictionary<string, (string, string)[]>(StringComparer.Ordinal)
    {
        ["laptop"] = [("a laptop", "laptop"), ("a notebook computer", "notebook computer"), ("a notebook PC", "notebook PC"), ("an ultrabook", "ultrabook"), ("a portable computer", "portable computer")],
        ["headphones"] = [("headphones", "headphones"), ("earphones", "earphones"), ("a headset", "headset"), ("earbuds", "earbuds"), ("cans", "cans")],
        ["winter coat"] = [("a winter coat", "winter coat"), ("a parka", "parka"), ("a winter jacket", "winter jacket"), ("an overcoat", "overcoat"), ("a puffer", "puffer")],
        ["concert tickets"] = [("concert tickets", "concert tickets"), ("gig tickets", "gig tickets"), ("show tickets", "show tickets"), ("festival passes", "festival passes"), ("event tickets", "event tickets")],
        ["coffee machine"] = [("a coffee machine", "coffee machine"), ("an espresso maker", "espresso maker"), ("a coffee maker", "coffee maker"), ("a barista machine", "barista machine"), ("a bean-to-cup machine", "bean-to-cup machine")],
        ["running shoes"] = [("running shoes", "running shoes"), ("trainers", "trainers"), ("sneakers", "sneakers"), ("jogging shoes", "jogging shoes"), ("runners", "runners")],
        ["phone case"] = [("a phone case", "phone case"), ("a phone cover", "phone cover"), ("a mobile case", "mobile case"), ("a protective sleeve", "protective sleeve"), ("a bumper case", "bumper case")],
        ["flight booking"] = [("a flight", "flight booking"), ("a plane ticket", "plane ticket"), ("an airfare", "airfare"), ("an air ticket", "air ticket"), ("a flight reservation", "flight reservation")],
        ["hotel booking"] = [("a hotel booking", "hotel booking"), ("a hotel reservation", "hotel reservation"), ("a room reservation", "room reservation"), ("accommodation", "accommodation"), ("a hotel stay", "hotel stay")],
        ["furniture"] = [("furniture", "furniture"), ("a sofa", "sofa"), ("an armchair", "armchair"), ("a couch", "couch"), ("a settee", "settee")],
        ["gift card"] = [("a gift card", "gift card"), ("a gift voucher", "gift voucher"), ("a store voucher", "store voucher"), ("a gift certificate", "gift certificate"), ("a prepaid voucher", "prepaid voucher")],
        ["watch"] = [("a watch", "watch"), ("a wristwatch", "wristwatch"), ("a timepiece", "timepiece"), ("a chronograph", "chronograph"), ("a smartwatch", "smartwatch")],
        ["groceries"] = [("groceries", "groceries"), ("a grocery order", "grocery order"), ("a food delivery", "food delivery"), ("a supermarket order", "supermarket order"), ("provisions", "provisions")],
    };

    /// <summary>
    /// Item-specific context sentences: what a customer says around an item whatever they call it. This is what ties
    /// "espresso maker" to "coffee machine" in a corpus (shared contexts), as it does in real complaints.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> ItemContexts = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["laptop"] = ["It was meant for my work and studies.", "The battery and charger were part of the order.", "I need a working screen and keyboard for my job."],
        ["headphones"] = ["I use them for music on my commute.", "Noise cancelling was the reason I chose them.", "The ear cushions and the cable matter to me."],
        ["winter coat"] = ["I needed something warm for the cold weather.", "It was size medium with a hood.", "The zip and the lining were the selling point."],
        ["concert tickets"] = ["The band was playing at the arena that weekend.", "The gig was on a Saturday night.", "The seats were in the front stalls."],
        ["coffee machine"] = ["I wanted to brew my morning cappuccino.", "It came with a milk frother and capsules.", "It grinds the beans before brewing."],
        ["running shoes"] = ["I bought them for marathon training.", "They were size 42 with extra cushioning.", "I jog every morning in the park."],
        ["phone case"] = ["It was to protect my smartphone.", "It had a silicone grip and a card slot.", "It was meant to fit my new handset."],
        ["flight booking"] = ["The trip was a return journey to Lisbon.", "Departure was from the airport at 7 am.", "The airline confirmed my seat by email."],
        ["hotel booking"] = ["The stay was three nights in Rome.", "Check-in was supposed to be on Friday.", "The room had a sea view and breakfast."],
        ["furniture"] = ["It was for the living room.", "Assembly instructions and screws were included.", "The upholstery was grey fabric."],
        ["gift card"] = ["It was a birthday present for my niece.", "The redemption code should have come by email.", "The balance could be spent online."],
        ["watch"] = ["It has a leather strap and a steel dial.", "It was an anniversary present.", "The clasp and the strap matter to me."],
        ["groceries"] = ["The order was fruit, vegetables and bread.", "It was the weekly supermarket shop.", "The fresh produce was for the weekend."],
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
