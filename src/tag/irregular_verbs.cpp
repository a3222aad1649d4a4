// Irregular English verbs: past tense and participle -> base form (see
// lemma_rules.h). A closed list of the language, written out here rather
// than learned, so the lemmatiser knows "shrunk" and "fled" even when the
// training data never showed them.
#include <algorithm>
#include <iterator>

#include "tag/lemma_rules.h"

namespace parley::tag {
namespace {

struct Irregular {
  std::string_view form, lemma;
};

// Sorted by form. Forms that are also common base verbs or nouns (found,
// left, saw, felt, lay, ...) are left out: the learned exceptions, which
// know their tags, decide those.
// clang-format off
constexpr Irregular kIrregular[] = {
    {"arisen", "arise"}, {"arose", "arise"}, {"ate", "eat"}, {"awoke", "awake"},
    {"awoken", "awake"}, {"beaten", "beat"}, {"became", "become"}, {"been", "be"},
    {"began", "begin"}, {"begun", "begin"}, {"bent", "bend"}, {"bit", "bite"}, {"bitten", "bite"},
    {"bled", "bleed"}, {"blew", "blow"}, {"blown", "blow"}, {"borne", "bear"}, {"bought", "buy"},
    {"bound", "bind"}, {"bred", "breed"}, {"broke", "break"}, {"broken", "break"},
    {"brought", "bring"}, {"built", "build"}, {"burnt", "burn"}, {"came", "come"},
    {"caught", "catch"}, {"chose", "choose"}, {"chosen", "choose"}, {"clung", "cling"},
    {"crept", "creep"}, {"dealt", "deal"}, {"did", "do"}, {"dived", "dive"}, {"done", "do"},
    {"dove", "dive"}, {"drank", "drink"}, {"drawn", "draw"}, {"dreamt", "dream"},
    {"drew", "draw"}, {"driven", "drive"}, {"drove", "drive"}, {"drunk", "drink"}, {"dug", "dig"},
    {"eaten", "eat"}, {"fallen", "fall"}, {"fed", "feed"}, {"fled", "flee"}, {"flew", "fly"},
    {"flown", "fly"}, {"flung", "fling"}, {"forbade", "forbid"}, {"forbidden", "forbid"},
    {"foresaw", "forsee"}, {"foreseen", "forsee"}, {"forgave", "forgive"},
    {"forgiven", "forgive"}, {"forgot", "forget"}, {"forgotten", "forget"}, {"fought", "fight"},
    {"froze", "freeze"}, {"frozen", "freeze"}, {"gave", "give"}, {"given", "give"},
    {"gone", "go"}, {"got", "get"}, {"gotten", "get"}, {"grew", "grow"}, {"grown", "grow"},
    {"had", "have"}, {"heard", "hear"}, {"held", "hold"}, {"hid", "hide"}, {"hidden", "hide"},
    {"hung", "hang"}, {"kept", "keep"}, {"knelt", "kneel"}, {"knew", "know"}, {"known", "know"},
    {"laid", "lay"}, {"lain", "lie"}, {"leapt", "leap"}, {"learnt", "learn"}, {"led", "lead"},
    {"lent", "lend"}, {"lost", "lose"}, {"made", "make"}, {"meant", "mean"}, {"met", "meet"},
    {"misled", "mislead"}, {"mistaken", "mistake"}, {"mistook", "mistake"}, {"outdid", "outdo"},
    {"outdone", "outdo"}, {"overcame", "overcome"}, {"overtaken", "overtake"},
    {"overthrew", "overthrow"}, {"overthrown", "overthrow"}, {"overtook", "overtake"},
    {"paid", "pay"}, {"proved", "prove"}, {"proven", "prove"}, {"ran", "run"}, {"rang", "ring"},
    {"rebuilt", "rebuild"}, {"redid", "redo"}, {"redone", "redo"}, {"rewritten", "rewrite"},
    {"rewrote", "rewrite"}, {"ridden", "ride"}, {"risen", "rise"}, {"rode", "ride"},
    {"rung", "ring"}, {"said", "say"}, {"sang", "sing"}, {"sank", "sink"}, {"sat", "sit"},
    {"seen", "see"}, {"sent", "send"}, {"sewed", "sew"}, {"sewn", "sew"}, {"shaken", "shake"},
    {"shone", "shine"}, {"shook", "shake"}, {"shot", "shoot"}, {"showed", "show"},
    {"shown", "show"}, {"shrank", "shrink"}, {"shrunk", "shrink"}, {"slain", "slay"},
    {"slept", "sleep"}, {"slew", "slay"}, {"slid", "slide"}, {"slung", "sling"},
    {"smitten", "smite"}, {"smote", "smite"}, {"snuck", "sneak"}, {"sold", "sell"},
    {"sought", "seek"}, {"spat", "spit"}, {"sped", "speed"}, {"spent", "spend"},
    {"spoke", "speak"}, {"spoken", "speak"}, {"sprang", "spring"}, {"sprung", "spring"},
    {"spun", "spin"}, {"stank", "stink"}, {"stole", "steal"}, {"stolen", "steal"},
    {"stood", "stand"}, {"stridden", "stride"}, {"striven", "strive"}, {"strode", "stride"},
    {"strove", "strive"}, {"struck", "strike"}, {"stuck", "stick"}, {"stung", "sting"},
    {"stunk", "stink"}, {"sung", "sing"}, {"sunk", "sink"}, {"swam", "swim"},
    {"swelled", "swell"}, {"swept", "sweep"}, {"swollen", "swell"}, {"swore", "swear"},
    {"sworn", "swear"}, {"swum", "swim"}, {"swung", "swing"}, {"taken", "take"},
    {"taught", "teach"}, {"thought", "think"}, {"threw", "throw"}, {"thrown", "throw"},
    {"told", "tell"}, {"took", "take"}, {"tore", "tear"}, {"torn", "tear"}, {"trod", "tread"},
    {"trodden", "tread"}, {"understood", "understand"}, {"undertaken", "undertake"},
    {"undertook", "undertake"}, {"undid", "undo"}, {"undone", "undo"}, {"upheld", "uphold"},
    {"was", "be"}, {"went", "go"}, {"wept", "weep"}, {"were", "be"}, {"withdrawn", "withdraw"},
    {"withdrew", "withdraw"}, {"withheld", "withhold"}, {"withstood", "withstand"},
    {"woke", "wake"}, {"woken", "wake"}, {"won", "win"}, {"wore", "wear"}, {"worn", "wear"},
    {"wove", "weave"}, {"woven", "weave"}, {"written", "write"}, {"wrote", "write"},
};
// clang-format on

}  // namespace

std::string_view IrregularVerbLemma(std::string_view form) {
  auto it = std::lower_bound(std::begin(kIrregular), std::end(kIrregular), form,
                             [](const Irregular& a, std::string_view f) { return a.form < f; });
  return it != std::end(kIrregular) && it->form == form ? it->lemma : std::string_view{};
}

}  // namespace parley::tag
