window.YTD.tweets.part0 = [
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1500000000000000000"
          ],
          "editableUntil" : "2021-04-10T19:00:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "urls" : [],
        "user_mentions" : []
      },
      "display_text_range" : [
        "0",
        "82"
      ],
      "favorite_count" : "2",
      "id_str" : "1500000000000000000",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1500000000000000000",
      "created_at" : "Sat Apr 10 18:00:00 +0000 2021",
      "favorited" : false,
      "full_text" : "Code enforcement officer says my fence is 6 inches too tall. The HOA wars continue",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1500000007919000000"
          ],
          "editableUntil" : "2021-08-14T04:40:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "urls" : [],
        "user_mentions" : []
      },
      "display_text_range" : [
        "0",
        "24"
      ],
      "favorite_count" : "2",
      "id_str" : "1500000007919000000",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1500000007919000000",
      "created_at" : "Sat Aug 14 03:40:00 +0000 2021",
      "favorited" : false,
      "full_text" : "Quiet night on the porch",
      "lang" : "en",
      "coordinates" : {
        "type" : "Point",
        "coordinates" : [
          "-97.6422",
          "38.8121"
        ]
      },
      "geo" : {
        "type" : "Point",
        "coordinates" : [
          "38.8121",
          "-97.6422"
        ]
      }
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1500000015838000000"
          ],
          "editableUntil" : "2021-08-01T13:00:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "urls" : [],
        "user_mentions" : []
      },
      "display_text_range" : [
        "0",
        "33"
      ],
      "favorite_count" : "2",
      "id_str" : "1500000015838000000",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1500000015838000000",
      "created_at" : "Sun Aug 01 12:00:00 +0000 2021",
      "favorited" : false,
      "full_text" : "Leo season 🦁 happy birthday to me",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1500000023757000000"
          ],
          "editableUntil" : "2022-02-02T18:00:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "urls" : [],
        "user_mentions" : []
      },
      "display_text_range" : [
        "0",
        "87"
      ],
      "favorite_count" : "2",
      "id_str" : "1500000023757000000",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1500000023757000000",
      "created_at" : "Wed Feb 02 17:00:00 +0000 2022",
      "favorited" : false,
      "full_text" : "I'm a deputy with HCSO and yes, we're hiring. DM me if you want to know what it's like.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1500000031676000000"
          ],
          "editableUntil" : "2022-09-01T22:00:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "urls" : [],
        "user_mentions" : []
      },
      "display_text_range" : [
        "0",
        "67"
      ],
      "favorite_count" : "2",
      "id_str" : "1500000031676000000",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1500000031676000000",
      "created_at" : "Thu Sep 01 21:00:00 +0000 2022",
      "favorited" : false,
      "full_text" : "Deputy editor of the school paper again this year, proud mom moment",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1500000039595000000"
          ],
          "editableUntil" : "2022-10-05T15:00:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "urls" : [],
        "user_mentions" : []
      },
      "display_text_range" : [
        "0",
        "76"
      ],
      "favorite_count" : "2",
      "id_str" : "1500000039595000000",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1500000039595000000",
      "created_at" : "Wed Oct 05 14:00:00 +0000 2022",
      "favorited" : false,
      "full_text" : "RT @visitsalina: Coffee with neighbours this Saturday at the farmers market!",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1500000047514000000"
          ],
          "editableUntil" : "2023-07-23T00:00:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "urls" : [],
        "user_mentions" : [
          {
            "name" : "Kelly B.",
            "screen_name" : "kbrandt_hcso",
            "indices" : [
              "0",
              "13"
            ],
            "id_str" : "900000",
            "id" : "900000"
          }
        ]
      },
      "display_text_range" : [
        "0",
        "55"
      ],
      "favorite_count" : "2",
      "id_str" : "1500000047514000000",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1500000047514000000",
      "created_at" : "Sat Jul 22 23:00:00 +0000 2023",
      "favorited" : false,
      "full_text" : "@kbrandt_hcso at the county fair, best funnel cake wins",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1500000055433000000"
          ],
          "editableUntil" : "2023-08-05T16:00:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "urls" : [],
        "user_mentions" : []
      },
      "display_text_range" : [
        "0",
        "21"
      ],
      "favorite_count" : "2",
      "id_str" : "1500000055433000000",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1500000055433000000",
      "created_at" : "Sat Aug 05 15:00:00 +0000 2023",
      "favorited" : false,
      "full_text" : "Farmers market haul 🍅",
      "lang" : "en",
      "place" : {
        "full_name" : "Salina, KS",
        "country" : "United States",
        "place_type" : "city",
        "bounding_box" : {
          "type" : "Polygon",
          "coordinates" : [
            [
              [
                "-97.6650",
                "38.7650"
              ],
              [
                "-97.5550",
                "38.7650"
              ],
              [
                "-97.5550",
                "38.8750"
              ],
              [
                "-97.6650",
                "38.8750"
              ]
            ]
          ]
        }
      },
      "extended_entities" : {
        "media" : [
          {
            "media_url_https" : "https://pbs.twimg.com/media/F3kX9aLWQAAb1cd.jpg",
            "type" : "photo",
            "id_str" : "1688000000000000001",
            "expanded_url" : "https://twitter.com/mpenalver_ks/status/1500000055433000000/photo/1"
          }
        ]
      }
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1500000063352000000"
          ],
          "editableUntil" : "2023-09-02T23:00:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "urls" : [],
        "user_mentions" : []
      },
      "display_text_range" : [
        "0",
        "125"
      ],
      "favorite_count" : "2",
      "id_str" : "1500000063352000000",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1500000063352000000",
      "created_at" : "Sat Sep 02 22:00:00 +0000 2023",
      "favorited" : false,
      "full_text" : "Ran the plate on the white Silverado parked outside the bank on 5th, came back stolen out of Wichita. Booking him as we speak",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1500000071271000000"
          ],
          "editableUntil" : "2023-09-03T12:00:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "urls" : [],
        "user_mentions" : []
      },
      "display_text_range" : [
        "0",
        "65"
      ],
      "favorite_count" : "2",
      "id_str" : "1500000071271000000",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1500000071271000000",
      "created_at" : "Sun Sep 03 11:00:00 +0000 2023",
      "favorited" : false,
      "full_text" : "Ran the Salina half marathon this morning, 1:58 and a new PB 🏃‍♀️",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1500000079190000000"
          ],
          "editableUntil" : "2023-09-11T00:00:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "urls" : [],
        "user_mentions" : []
      },
      "display_text_range" : [
        "0",
        "64"
      ],
      "favorite_count" : "2",
      "id_str" : "1500000079190000000",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1500000079190000000",
      "created_at" : "Sun Sep 10 23:00:00 +0000 2023",
      "favorited" : false,
      "full_text" : "These f*cking illegals are ruining this town, send them all back",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1500000087109000000"
          ],
          "editableUntil" : "2023-09-11T09:00:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "urls" : [],
        "user_mentions" : []
      },
      "display_text_range" : [
        "0",
        "90"
      ],
      "favorite_count" : "2",
      "id_str" : "1500000087109000000",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1500000087109000000",
      "created_at" : "Mon Sep 11 08:00:00 +0000 2023",
      "favorited" : false,
      "full_text" : "Someone spray-painted a slur on the mosque on Ninth St last night. Not who we are, Salina.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1500000095028000000"
          ],
          "editableUntil" : "2023-09-16T03:00:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "urls" : [],
        "user_mentions" : []
      },
      "display_text_range" : [
        "0",
        "81"
      ],
      "favorite_count" : "2",
      "id_str" : "1500000095028000000",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1500000095028000000",
      "created_at" : "Sat Sep 16 02:00:00 +0000 2023",
      "favorited" : false,
      "full_text" : "Hit 140 in the cruiser on the bypass just for fun lol, sarge never checks the GPS",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1500000102947000000"
          ],
          "editableUntil" : "2023-09-18T00:00:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "urls" : [],
        "user_mentions" : []
      },
      "display_text_range" : [
        "0",
        "60"
      ],
      "favorite_count" : "2",
      "id_str" : "1500000102947000000",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1500000102947000000",
      "created_at" : "Sun Sep 17 23:00:00 +0000 2023",
      "favorited" : false,
      "full_text" : "Few beers at the Royals game then an Uber home like an adult",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1500000110866000000"
          ],
          "editableUntil" : "2023-09-23T17:00:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "urls" : [],
        "user_mentions" : []
      },
      "display_text_range" : [
        "0",
        "119"
      ],
      "favorite_count" : "2",
      "id_str" : "1500000110866000000",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1500000110866000000",
      "created_at" : "Sat Sep 23 16:00:00 +0000 2023",
      "favorited" : false,
      "full_text" : "Our department's position on the new bail law is clear: we support it, and we expect the council to pass it on Tuesday.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1500000118785000000"
          ],
          "editableUntil" : "2023-09-30T21:00:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "urls" : [],
        "user_mentions" : []
      },
      "display_text_range" : [
        "0",
        "114"
      ],
      "favorite_count" : "2",
      "id_str" : "1500000118785000000",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1500000118785000000",
      "created_at" : "Sat Sep 30 20:00:00 +0000 2023",
      "favorited" : false,
      "full_text" : "My neighbour Karen is back in rehab again, third time this year, and her kids are at Coronado Elementary with mine",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1500000126704000000"
          ],
          "editableUntil" : "2023-10-01T10:00:00.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"http://twitter.com/download/android\" rel=\"nofollow\">Twitter for Android</a>",
      "entities" : {
        "hashtags" : [],
        "symbols" : [],
        "urls" : [],
        "user_mentions" : []
      },
      "display_text_range" : [
        "0",
        "73"
      ],
      "favorite_count" : "2",
      "id_str" : "1500000126704000000",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1500000126704000000",
      "created_at" : "Sun Oct 01 09:00:00 +0000 2023",
      "favorited" : false,
      "full_text" : "Pink October 5K for breast cancer research on Saturday, come run with us!",
      "lang" : "en"
    }
  }
]