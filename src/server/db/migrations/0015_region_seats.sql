ALTER TABLE "regions" ADD COLUMN "seat_lng" numeric(9, 6);--> statement-breakpoint
ALTER TABLE "regions" ADD COLUMN "seat_lat" numeric(8, 6);--> statement-breakpoint
ALTER TABLE "regions" ADD CONSTRAINT "regions_seat_check" CHECK (("regions"."seat_lng" is null) = ("regions"."seat_lat" is null) and "regions"."seat_lng" between -180 and 180 and "regions"."seat_lat" between -90 and 90);