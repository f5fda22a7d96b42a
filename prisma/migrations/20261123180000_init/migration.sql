-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "PledgeStatus" AS ENUM ('NOT_YET_ASSESSED', 'IN_PROGRESS', 'FULFILLED', 'PARTIALLY_FULFILLED', 'STALLED', 'BROKEN_OR_DROPPED');

-- CreateEnum
CREATE TYPE "LinkMethod" AS ENUM ('FIRST', 'AUTOMATIC', 'ANALYST');

-- CreateEnum
CREATE TYPE "ReviewState" AS ENUM ('UNREVIEWED', 'ACCEPTED', 'REJECTED');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('VIEWER', 'ANALYST', 'ADMIN');

-- CreateEnum
CREATE TYPE "PledgeEventKind" AS ENUM ('CREATED', 'STATUS_CHANGED', 'RENAMED', 'TOPIC_CHANGED', 'ACTORS_CHANGED', 'MERGED', 'MENTION_MOVED', 'MENTION_REJECTED', 'LINK_ACCEPTED');

-- CreateTable
CREATE TABLE "Meeting" (
    "id" SERIAL NOT NULL,
    "sourceName" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "outlet" TEXT,
    "publishedAt" DATE,
    "meetingDate" DATE NOT NULL,
    "dateEvidence" TEXT NOT NULL,
    "place" TEXT,
    "countries" TEXT[],
    "text" TEXT NOT NULL,
    "analysedRanges" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Participant" (
    "id" SERIAL NOT NULL,
    "meetingId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT,
    "side" TEXT,

    CONSTRAINT "Participant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Topic" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,

    CONSTRAINT "Topic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Pledge" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "titleByAnalyst" BOOLEAN NOT NULL DEFAULT false,
    "topicId" INTEGER NOT NULL,
    "topicByAnalyst" BOOLEAN NOT NULL DEFAULT false,
    "actors" TEXT[],
    "actorsByAnalyst" BOOLEAN NOT NULL DEFAULT false,
    "giver" TEXT NOT NULL,
    "receiver" TEXT,
    "countryPair" TEXT NOT NULL,
    "linkKeys" TEXT[],
    "status" "PledgeStatus" NOT NULL DEFAULT 'NOT_YET_ASSESSED',
    "statusChangedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "mentionCount" INTEGER NOT NULL DEFAULT 0,
    "meetingCount" INTEGER NOT NULL DEFAULT 0,
    "firstMeetingId" INTEGER,
    "firstMentionDate" DATE,
    "lastMentionDate" DATE,
    "firmness" INTEGER NOT NULL DEFAULT 0,
    "specificity" INTEGER NOT NULL DEFAULT 0,
    "mergedIntoId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Pledge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Mention" (
    "id" SERIAL NOT NULL,
    "pledgeId" INTEGER NOT NULL,
    "meetingId" INTEGER NOT NULL,
    "quote" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "phrase" TEXT NOT NULL,
    "phraseStart" INTEGER NOT NULL,
    "phraseEnd" INTEGER NOT NULL,
    "sentenceIndex" INTEGER NOT NULL,
    "speaker" TEXT,
    "side" TEXT,
    "cue" TEXT NOT NULL,
    "firmness" INTEGER NOT NULL,
    "specificity" INTEGER NOT NULL,
    "confidence" DOUBLE PRECISION NOT NULL,
    "linkMethod" "LinkMethod" NOT NULL,
    "linkReason" TEXT NOT NULL,
    "review" "ReviewState" NOT NULL DEFAULT 'UNREVIEWED',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Mention_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PledgeEvent" (
    "id" SERIAL NOT NULL,
    "pledgeId" INTEGER NOT NULL,
    "kind" "PledgeEventKind" NOT NULL,
    "userId" TEXT,
    "fromStatus" "PledgeStatus",
    "toStatus" "PledgeStatus",
    "note" TEXT,
    "evidenceUrl" TEXT,
    "evidenceDate" DATE,
    "data" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PledgeEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "user" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailVerified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT,
    "role" "Role" NOT NULL DEFAULT 'VIEWER',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session" (
    "id" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "token" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "ipAddress" TEXT,
    "userAgent" TEXT,
    "userId" TEXT NOT NULL,

    CONSTRAINT "session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "account" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "accessToken" TEXT,
    "refreshToken" TEXT,
    "idToken" TEXT,
    "accessTokenExpiresAt" TIMESTAMP(3),
    "refreshTokenExpiresAt" TIMESTAMP(3),
    "scope" TEXT,
    "password" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "verification" (
    "id" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "verification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rateLimit" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "lastRequest" BIGINT NOT NULL,

    CONSTRAINT "rateLimit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" SERIAL NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Meeting_contentHash_key" ON "Meeting"("contentHash");

-- CreateIndex
CREATE INDEX "Meeting_meetingDate_idx" ON "Meeting"("meetingDate");

-- CreateIndex
CREATE INDEX "Meeting_countries_idx" ON "Meeting" USING GIN ("countries");

-- CreateIndex
CREATE UNIQUE INDEX "Participant_meetingId_name_key" ON "Participant"("meetingId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Topic_slug_key" ON "Topic"("slug");

-- CreateIndex
CREATE INDEX "Pledge_linkKeys_idx" ON "Pledge" USING GIN ("linkKeys");

-- CreateIndex
CREATE INDEX "Pledge_countryPair_idx" ON "Pledge"("countryPair");

-- CreateIndex
CREATE INDEX "Pledge_status_idx" ON "Pledge"("status");

-- CreateIndex
CREATE INDEX "Pledge_topicId_idx" ON "Pledge"("topicId");

-- CreateIndex
CREATE INDEX "Pledge_mentionCount_idx" ON "Pledge"("mentionCount");

-- CreateIndex
CREATE INDEX "Pledge_meetingCount_idx" ON "Pledge"("meetingCount");

-- CreateIndex
CREATE INDEX "Pledge_firstMentionDate_idx" ON "Pledge"("firstMentionDate");

-- CreateIndex
CREATE INDEX "Pledge_lastMentionDate_idx" ON "Pledge"("lastMentionDate");

-- CreateIndex
CREATE INDEX "Pledge_mergedIntoId_idx" ON "Pledge"("mergedIntoId");

-- CreateIndex
CREATE INDEX "Mention_pledgeId_idx" ON "Mention"("pledgeId");

-- CreateIndex
CREATE INDEX "Mention_meetingId_idx" ON "Mention"("meetingId");

-- CreateIndex
CREATE INDEX "Mention_confidence_idx" ON "Mention"("confidence");

-- CreateIndex
CREATE UNIQUE INDEX "Mention_meetingId_phraseStart_phraseEnd_key" ON "Mention"("meetingId", "phraseStart", "phraseEnd");

-- CreateIndex
CREATE INDEX "PledgeEvent_pledgeId_createdAt_idx" ON "PledgeEvent"("pledgeId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "user_email_key" ON "user"("email");

-- CreateIndex
CREATE UNIQUE INDEX "session_token_key" ON "session"("token");

-- CreateIndex
CREATE INDEX "session_userId_idx" ON "session"("userId");

-- CreateIndex
CREATE INDEX "account_userId_idx" ON "account"("userId");

-- CreateIndex
CREATE INDEX "verification_identifier_idx" ON "verification"("identifier");

-- CreateIndex
CREATE UNIQUE INDEX "rateLimit_key_key" ON "rateLimit"("key");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- AddForeignKey
ALTER TABLE "Participant" ADD CONSTRAINT "Participant_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pledge" ADD CONSTRAINT "Pledge_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mention" ADD CONSTRAINT "Mention_pledgeId_fkey" FOREIGN KEY ("pledgeId") REFERENCES "Pledge"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mention" ADD CONSTRAINT "Mention_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PledgeEvent" ADD CONSTRAINT "PledgeEvent_pledgeId_fkey" FOREIGN KEY ("pledgeId") REFERENCES "Pledge"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PledgeEvent" ADD CONSTRAINT "PledgeEvent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session" ADD CONSTRAINT "session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account" ADD CONSTRAINT "account_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

